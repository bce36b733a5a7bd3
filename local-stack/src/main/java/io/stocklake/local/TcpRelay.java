package io.stocklake.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Forwards every TCP connection made to {@code bindAddress:port} to a port on loopback, bytes unchanged in both
 * directions. The lake image needs it for Trino: the embedded Trino server listens on loopback only (its testing
 * node module fixes the bind address), while the other containers and the host reach the lake on its bind address.
 */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-relay");
        thread.setDaemon(true);
        return thread;
    });

    private TcpRelay(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    static TcpRelay start(String bindAddress, int port, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            TcpRelay relay = new TcpRelay(server, targetPort);
            relay.threads.submit(relay::acceptLoop);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + bindAddress + ":" + port, e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                threads.submit(() -> pump(client, target));
                threads.submit(() -> pump(target, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                // the target refused one connection; the client sees it closed and may retry
            }
        }
    }

    /** Copies one direction; when it ends, half-closes the other side so the peer sees the end of the stream. */
    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            out.flush();
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        } finally {
            if (from.isOutputShutdown() || from.isClosed()) {
                closeQuietly(from);
            }
            open.removeIf(Socket::isClosed);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(TcpRelay::closeQuietly);
        threads.shutdownNow();
        // The listening socket is released only once the thread blocked in accept() has left it.
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
