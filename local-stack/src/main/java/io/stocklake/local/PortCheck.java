package io.stocklake.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Refuses to start when a port the stack needs is already taken, naming the port and the flag to change it. */
final class PortCheck {

    private PortCheck() {}

    static List<String> takenPorts(Map<String, Integer> ports) {
        List<String> problems = new ArrayList<>();
        ports.forEach((service, port) -> {
            if (!isFree(port)) {
                problems.add("Port " + port + " (" + service + ") is taken on 127.0.0.1");
            }
        });
        return problems;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Ports in TIME_WAIT after a previous run are free to listen on again; only a listener makes one taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
