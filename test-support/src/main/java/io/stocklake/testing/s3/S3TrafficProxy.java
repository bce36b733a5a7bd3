package io.stocklake.testing.s3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An HTTP proxy on 127.0.0.1 in front of an S3 server (path-style addressing): it forwards every request
 * byte for byte, so SigV4 signatures stay valid, records each S3 operation it sees, and injects the faults
 * of its {@link S3FaultPlan}: {@code 503 SlowDown}, connection resets, stalls, failed UploadParts.
 *
 * <p>Clients point their endpoint at {@link #endpoint()}. {@code Expect: 100-continue} is answered by the
 * proxy itself (SigV4 does not sign {@code Expect}), so a fault can refuse an upload before its body is sent.
 */
public final class S3TrafficProxy implements AutoCloseable {

    private enum Fault {
        NONE,
        SLOW_DOWN,
        RESET,
        STALL,
        FAIL_PART
    }

    private final URI upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "s3-traffic-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<S3Operation> journal = new ArrayList<>();
    private final Object faultLock = new Object();
    private S3FaultPlan plan = S3FaultPlan.none();
    private Random random = new Random(plan.seed());
    private int uploadPartsToFail;
    private int requestsToHold;
    private Duration hold = Duration.ZERO;
    private Predicate<S3Operation> holdWhich = op -> false;
    private final List<S3Operation> held = new ArrayList<>();

    private S3TrafficProxy(URI upstream, ServerSocket server) {
        this.upstream = upstream;
        this.server = server;
    }

    /** Starts a proxy on a free loopback port that forwards to {@code upstream} (e.g. an S3Server's endpoint). */
    public static S3TrafficProxy start(URI upstream) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            S3TrafficProxy proxy = new S3TrafficProxy(upstream, server);
            proxy.threads.submit(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("S3 traffic proxy did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Replaces the fault plan; {@link S3FaultPlan#none()} makes the proxy transparent again. */
    public void faults(S3FaultPlan newPlan) {
        synchronized (faultLock) {
            plan = newPlan;
            random = new Random(newPlan.seed());
            uploadPartsToFail = newPlan.failUploadParts();
        }
    }

    public void clearFaults() {
        faults(S3FaultPlan.none());
        holdNext(0, Duration.ZERO, op -> false);
    }

    /**
     * Holds the next {@code count} requests that {@code which} picks for {@code duration} before forwarding them, as
     * a network or server that stalls does: the client waits, and the request still takes effect afterwards.
     */
    public void holdNext(int count, Duration duration, Predicate<S3Operation> which) {
        synchronized (faultLock) {
            requestsToHold = count;
            hold = duration;
            holdWhich = which;
        }
    }

    /** The requests held so far, as they arrived. */
    public List<S3Operation> heldOperations() {
        synchronized (faultLock) {
            return List.copyOf(held);
        }
    }

    /** Every operation seen so far, in the order answered. */
    public List<S3Operation> operations() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** How many requests of each operation were seen, by operation name. */
    public Map<String, Long> operationCounts() {
        return operations().stream()
                .collect(Collectors.groupingBy(S3Operation::name, TreeMap::new, Collectors.counting()));
    }

    /** How many requests were answered with a fault (stalls not counted: they are forwarded after the stall). */
    public long injectedFaults() {
        return operations().stream().filter(S3Operation::injected).count();
    }

    public long count(Predicate<S3Operation> which) {
        return operations().stream().filter(which).count();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(S3TrafficProxy::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                Socket target = new Socket(upstream.getHost(), upstream.getPort())) {
            open.add(target);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            InputStream upIn = new BufferedInputStream(target.getInputStream());
            OutputStream upOut = new BufferedOutputStream(target.getOutputStream());
            while (exchange(client, in, out, upIn, upOut)) {
                // one request per turn until either side ends the connection
            }
        } catch (IOException e) {
            // a peer went away; the client sees it as a broken connection, as with a real server
        } finally {
            open.remove(client);
            open.removeIf(Socket::isClosed);
        }
    }

    /** Handles one request; false when the connection ends. */
    private boolean exchange(Socket client, InputStream in, OutputStream out, InputStream upIn, OutputStream upOut)
            throws IOException {
        HttpHead request = HttpHead.read(in).orElse(null);
        if (request == null) {
            return false;
        }
        String method = request.first();
        S3Operation operation = S3Operation.classify(
                method, request.second(), request.header("x-amz-copy-source").isPresent());
        boolean expectsContinue = request.hasHeaderValue("Expect", "100-continue");
        sleep(holdTime(operation).toMillis());
        switch (decide(operation.name())) {
            case RESET -> {
                record(operation.answered(0, true));
                client.setSoLinger(true, 0); // close with RST, not FIN
                return false;
            }
            case SLOW_DOWN -> {
                refuse(request, expectsContinue, in, out, 503, "SlowDown", "Please reduce your request rate.");
                record(operation.answered(503, true));
                return false;
            }
            case FAIL_PART -> {
                refuse(
                        request,
                        expectsContinue,
                        in,
                        out,
                        500,
                        "InternalError",
                        "We encountered an internal error. Please try again.");
                record(operation.answered(500, true));
                return false;
            }
            case STALL -> sleep(currentPlan().stall().toMillis());
            case NONE -> {}
        }
        if (expectsContinue) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        request.withoutHeader("Expect").writeTo(upOut);
        request.copyBody(in, upOut, false);
        upOut.flush();
        HttpHead response;
        do {
            response = HttpHead.read(upIn).orElseThrow(() -> new IOException("upstream closed the connection"));
        } while (response.second().startsWith("1"));
        int status = Integer.parseInt(response.second());
        response.writeTo(out);
        response.copyBody(upIn, out, "HEAD".equals(method) || status == 204 || status == 304);
        out.flush();
        record(operation.answered(status, false));
        return !response.hasHeaderValue("Connection", "close") && !request.hasHeaderValue("Connection", "close");
    }

    private Fault decide(String operation) {
        synchronized (faultLock) {
            if (!plan.appliesTo(operation)) {
                return Fault.NONE;
            }
            if ("UploadPart".equals(operation) && uploadPartsToFail > 0) {
                uploadPartsToFail--;
                return Fault.FAIL_PART;
            }
            int draw = random.nextInt(100);
            if (draw < plan.slowDownPercent()) {
                return Fault.SLOW_DOWN;
            }
            if (draw < plan.slowDownPercent() + plan.resetPercent()) {
                return Fault.RESET;
            }
            if (draw < plan.slowDownPercent() + plan.resetPercent() + plan.stallPercent()) {
                return Fault.STALL;
            }
            return Fault.NONE;
        }
    }

    private Duration holdTime(S3Operation operation) {
        synchronized (faultLock) {
            if (requestsToHold > 0 && holdWhich.test(operation)) {
                requestsToHold--;
                held.add(operation);
                return hold;
            }
            return Duration.ZERO;
        }
    }

    private S3FaultPlan currentPlan() {
        synchronized (faultLock) {
            return plan;
        }
    }

    /** Answers with an S3 error document and ends the connection, as S3 does when it sheds load. */
    private static void refuse(
            HttpHead request,
            boolean expectsContinue,
            InputStream in,
            OutputStream out,
            int status,
            String code,
            String message)
            throws IOException {
        if (!expectsContinue) {
            request.copyBody(in, OutputStream.nullOutputStream(), false);
        }
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message><RequestId>s3-traffic-proxy</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String reason = status == 503 ? "Slow Down" : "Internal Server Error";
        new HttpHead(
                        "HTTP/1.1 " + status + " " + reason,
                        List.of(
                                "Content-Type: application/xml",
                                "Content-Length: " + body.length,
                                "x-amz-request-id: s3-traffic-proxy",
                                "Connection: close"))
                .writeTo(out);
        out.write(body);
        out.flush();
    }

    private void record(S3Operation operation) {
        synchronized (journal) {
            journal.add(operation);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
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
