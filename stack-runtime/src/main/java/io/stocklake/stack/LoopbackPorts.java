package io.stocklake.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Free TCP ports on 127.0.0.1 for servers whose port must be known before they start. */
public final class LoopbackPorts {

    /** Starts of a server on freshly picked ports before a taken port fails the test. */
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(LoopbackPorts.class);

    private LoopbackPorts() {}

    public static InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    /**
     * A port that is free now. A child process binds it seconds later, and any process may take it in between
     * (an outgoing connection's ephemeral port, say): start such servers with {@link #retryWhenTaken}.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, address())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback address", e);
        }
    }

    /**
     * Runs {@code start} with attempt numbers 1, 2, ... until it does not fail with {@link PortTakenException}, at
     * most {@value #ATTEMPTS} times. Every attempt after the first must pick new ports.
     */
    static void retryWhenTaken(String server, IntConsumer start) {
        for (int attempt = 1; ; attempt++) {
            try {
                start.accept(attempt);
                return;
            } catch (PortTakenException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn(
                        "{} lost a port to another process before binding it (attempt {} of {}); picking new"
                                + " ports: {}",
                        server,
                        attempt,
                        ATTEMPTS,
                        e.getMessage());
            }
        }
    }
}
