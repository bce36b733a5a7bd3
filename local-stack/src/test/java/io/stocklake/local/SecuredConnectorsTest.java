package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.KafkaSecurity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped connectors under their own principals, within what the Principal override policy admits. */
class SecuredConnectorsTest {

    @TempDir
    static Path dir;
    /** One key pair and password set for the class: keytool runs three times to make them. */
    private static KafkaSecurity security;

    @BeforeAll
    static void generate() {
        security = KafkaSecurity.generate(dir.resolve("kafka"), Set.of("connect", "source", "sink"));
    }

    @Test
    void clientTuningMovesToTheWorkerAndEachConnectorKeepsOnlyItsLogin() {
        Map<String, String> source = new HashMap<>(Map.of(
                "topic", "ticks", "producer.override.batch.size", "262144", "topic.creation.default.partitions", "3"));

        Map<String, String> worker = SecuredConnectors.workerConfig(security, "connect", dir.resolve("aws"), source);
        SecuredConnectors.ownPrincipal(security, "source", source, "producer");

        assertThat(worker)
                .containsEntry("producer.batch.size", "262144")
                .containsEntry("connector.client.config.override.policy", "Principal")
                .containsEntry("sasl.jaas.config", security.jaasConfigReference("connect"));
        assertThat(worker.get("config.providers.file.param.allowed.paths"))
                .contains(dir.resolve("aws").toString());
        assertThat(source)
                .containsOnlyKeys("topic", "producer.override.sasl.jaas.config")
                .containsEntry("producer.override.sasl.jaas.config", security.jaasConfigReference("source"));
    }

    @Test
    void noSecretIsWrittenIntoAConfig() {
        Map<String, String> sink = new HashMap<>(Map.of("topics", "ticks"));

        Map<String, String> worker = SecuredConnectors.workerConfig(security, "connect", dir.resolve("aws"), sink);
        SecuredConnectors.ownPrincipal(security, "sink", sink, "consumer", "producer", "admin");

        for (String secret : security.secrets()) {
            assertThat(worker.values()).noneMatch(value -> value.contains(secret));
            assertThat(sink.values()).noneMatch(value -> value.contains(secret));
        }
    }
}
