package io.stocklake.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3ServerTest {

    @TempDir
    Path root;

    @Test
    void serverWithItsOwnKeysAcceptsRequestsSignedWithThem() {
        try (S3Server server = S3Server.inDirectory(root, "127.0.0.1", LoopbackPorts.free(), "lake-key", "lake-secret")
                        .start();
                S3Client client = server.client()) {
            server.createBucket("stock-lake");
            client.putObject(r -> r.bucket("stock-lake").key("k"), RequestBody.fromString("v"));

            assertThat(client.getObjectAsBytes(r -> r.bucket("stock-lake").key("k"))
                            .asUtf8String())
                    .isEqualTo("v");
        }
    }

    @Test
    void serverBoundToEveryInterfaceIsReachableOnANonLoopbackAddress() throws IOException {
        InetAddress external = nonLoopbackAddress().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        int port = LoopbackPorts.free();
        try (S3Server server =
                        S3Server.inDirectory(root, "0.0.0.0", port, "k", "s").start();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external, port), 2_000);

            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void serverOnLoopbackRefusesConnectionsOnOtherAddresses() {
        InetAddress external = nonLoopbackAddress().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        int port = LoopbackPorts.free();
        try (S3Server server = S3Server.inMemory(port).start()) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(external, port), 2_000);
                        }
                    })
                    .isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(n -> {
                        try {
                            return n.isUp() && !n.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
