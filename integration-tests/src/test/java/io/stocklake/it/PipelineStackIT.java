package io.stocklake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRest.ConnectorPlugin;
import io.stocklake.stack.ConnectWorker;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The harness every integration test stands on: broker, two distributed workers, S3. */
class PipelineStackIT {

    private static final String SOURCE = "io.stocklake.source.StockTickSourceConnector";
    private static final String SINK = "io.stocklake.sink.S3GlueSinkConnector";

    static final PipelineStack stack = PipelineStack.builder().workers(2).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @Test
    void workersLoadBothConnectorsFromThePluginArchives() {
        assertThat(stack.connect().rest().connectorPlugins())
                .extracting(ConnectorPlugin::className, ConnectorPlugin::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(SOURCE, "source"),
                        org.assertj.core.groups.Tuple.tuple(SINK, "sink"));
    }

    @Test
    void connectorClassesAreNotOnTheTestClasspath() {
        assertThatThrownBy(() -> Class.forName(SOURCE)).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(SINK)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void pluginsReportTheArchiveVersion() {
        assertThat(stack.connect().rest().connectorPlugins())
                .filteredOn(p -> p.className().startsWith("io.stocklake."))
                .extracting(ConnectorPlugin::version)
                .containsOnly(System.getProperty("project.version"));
    }

    @Test
    void everyWorkerServesTheSameClusterState() {
        ConnectWorker first = stack.connect().worker(0);
        ConnectWorker second = stack.connect().worker(1);
        first.rest().putConnector("shared-state", sourceConfig("shared-state"));

        second.rest().awaitRunning("shared-state", 1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(second.rest().connectors()).contains("shared-state"));
        first.rest().deleteConnector("shared-state");
    }

    @Test
    void aKilledWorkerRestartsAndRejoinsTheCluster() {
        ConnectWorker victim = stack.connect().worker(1);
        ConnectRest survivor = stack.connect().worker(0).rest();
        survivor.putConnector("survives-restart", sourceConfig("survives-restart"));
        survivor.awaitRunning("survives-restart", 1, Duration.ofSeconds(60));

        victim.kill();
        assertThat(victim.isRunning()).isFalse();
        victim.start();

        ConnectorStatus status = victim.rest().awaitRunning("survives-restart", 1, Duration.ofSeconds(90));
        assertThat(status.isRunning(1)).isTrue();
        // A restarted worker answers before it has read the whole config topic: its own list catches up.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(victim.rest().connectors()).contains("survives-restart"));
        survivor.deleteConnector("survives-restart");
    }

    @Test
    void aWorkerNamesTheProcessItRunsIn() {
        ConnectWorker worker = stack.connect().worker(0);

        assertThat(ProcessHandle.of(worker.pid())).hasValueSatisfying(process -> {
            assertThat(process.isAlive()).isTrue();
            assertThat(process.info().arguments().map(Arrays::asList).orElseThrow())
                    .contains("org.apache.kafka.connect.cli.ConnectDistributed");
        });
    }

    @Test
    void s3ServerStoresAndReturnsObjects() {
        stack.s3().createBucket("harness");
        try (S3Client s3 = stack.s3().client()) {
            s3.putObject(b -> b.bucket("harness").key("a/b.txt"), RequestBody.fromString("hello"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("harness").key("a/b.txt"))
                            .asUtf8String())
                    .isEqualTo("hello");
            assertThat(s3.listObjectsV2(b -> b.bucket("harness").prefix("a/")).contents())
                    .hasSize(1);
        }
    }

    private static Map<String, String> sourceConfig(String name) {
        return Map.of(
                "connector.class", SOURCE,
                "tasks.max", "1",
                "topic", name);
    }
}
