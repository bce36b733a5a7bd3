package io.stocklake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for servers whose port must be known before they start. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    public static InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, address())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback address", e);
        }
    }
}
