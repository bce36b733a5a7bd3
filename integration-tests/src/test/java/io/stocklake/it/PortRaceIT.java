package io.stocklake.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectCluster;
import io.stocklake.stack.ConnectWorker;
import io.stocklake.stack.KafkaBroker;
import io.stocklake.stack.KafkaRuntime;
import io.stocklake.stack.LoopbackPorts;
import io.stocklake.stack.PipelineStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port picked free is bound by a child JVM seconds later; another process may take it in between. The stack
 * then starts the server again on new ports instead of failing the test class.
 */
class PortRaceIT {

    private final KafkaRuntime runtime = KafkaRuntime.fromSystemProperty();

    /** Holds the logs too, so each test reads only its own; kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void aBrokerWhoseControllerPortIsTakenFirstStartsOnNewPorts() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 0, LoopbackPorts.address())) {
            IntSupplier ports = takenAt(2, squatter.getLocalPort());

            try (KafkaBroker broker = new KafkaBroker(runtime, workDir, workDir.resolve("logs"), ports).start()) {
                broker.createTopic("after-the-race", 1);

                assertThat(broker.isRunning()).isTrue();
                assertThat(Files.readString(broker.logFile())).contains("Address already in use");
            }
        }
    }

    @Test
    void aWorkerWhoseRestPortIsTakenFirstStartsOnANewOne() throws IOException {
        try (KafkaBroker broker = new KafkaBroker(runtime, workDir.resolve("kafka"), workDir.resolve("logs")).start();
                ServerSocket squatter = new ServerSocket(0, 0, LoopbackPorts.address())) {
            IntSupplier ports = takenAt(1, squatter.getLocalPort());

            try (ConnectCluster connect = new ConnectCluster(
                            runtime,
                            broker.bootstrapServers(),
                            pluginPath(),
                            1,
                            ports,
                            Map.of(),
                            "512m",
                            workDir.resolve("connect"),
                            workDir.resolve("logs"))
                    .start()) {
                ConnectWorker worker = connect.worker(0);

                assertThat(worker.restUri().getPort()).isNotEqualTo(squatter.getLocalPort());
                assertThat(worker.rest().connectorPlugins()).isNotEmpty();
                assertThat(Files.readString(worker.logFile())).contains("Address already in use");
            }
        }
    }

    /** Free ports, except that the {@code n}th port asked for is {@code taken}. */
    private static IntSupplier takenAt(int n, int taken) {
        AtomicInteger calls = new AtomicInteger();
        return () -> calls.incrementAndGet() == n ? taken : LoopbackPorts.free();
    }

    private static Path pluginPath() {
        return Paths.get(System.getProperty(PipelineStack.PLUGIN_PATH_PROPERTY)).toAbsolutePath();
    }
}
