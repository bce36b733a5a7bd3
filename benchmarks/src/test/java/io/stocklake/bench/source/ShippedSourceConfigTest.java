package io.stocklake.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedSourceConfigTest {

    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void pointAtTheTemporaryFolder() {
        previous = System.setProperty(ShippedConfigs.PROPERTY, dir.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(ShippedConfigs.PROPERTY);
        } else {
            System.setProperty(ShippedConfigs.PROPERTY, previous);
        }
    }

    @Test
    void producerOverridesAreTheShippedProducerOverrideKeysWithoutTheirPrefix() throws IOException {
        Files.writeString(dir.resolve(ShippedSourceConfig.FILE), """
                {"name": "s", "config": {"topic": "t", "producer.override.batch.size": "262144",
                 "producer.override.compression.type": "lz4", "value.converter": "x"}}
                """);

        assertThat(ShippedSourceConfig.producerOverrides())
                .isEqualTo(Map.of("batch.size", "262144", "compression.type", "lz4"));
    }

    @Test
    void theYardstickProducerRunsWithConnectsSettingsAndTheShippedOverridesOnTop() {
        ProducerRun run = new ProducerRun("127.0.0.1:9", Map.of("compression.type", "lz4", "acks", "1"), null);

        assertThat(run.producerConfig())
                .containsEntry("compression.type", "lz4")
                .containsEntry("acks", "1")
                .containsEntry("max.in.flight.requests.per.connection", 1)
                .containsEntry("bootstrap.servers", "127.0.0.1:9");
    }

    @Test
    void theConnectorRunsWithTheSameOverridesUnderConnectsPrefixAndTheShapesConverters() throws IOException {
        Files.writeString(dir.resolve(ShippedSourceConfig.FILE), """
                {"name": "s", "config": {"topic": "t", "value.converter": "x", "value.converter.schemas.enable": "true"}}
                """);

        assertThat(ConnectorRun.config("t", 10, Map.of("compression.type", "lz4"), RecordShape.EMBEDDED_SCHEMA))
                .containsEntry("producer.override.compression.type", "lz4")
                .containsEntry("value.converter", "x")
                .containsEntry("value.converter.schemas.enable", "true");
    }
}
