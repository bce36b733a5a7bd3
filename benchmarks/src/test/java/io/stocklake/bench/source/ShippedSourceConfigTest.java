package io.stocklake.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.workload.ConfigsFolder;
import io.stocklake.bench.workload.RecordShape;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShippedSourceConfigTest {

    @RegisterExtension
    final ConfigsFolder configs = new ConfigsFolder();

    @Test
    void producerOverridesAreTheShippedProducerOverrideKeysWithoutTheirPrefix() throws IOException {
        configs.write(ShippedSourceConfig.FILE, """
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
        configs.write(ShippedSourceConfig.FILE, """
                {"name": "s", "config": {"topic": "t", "value.converter": "x", "value.converter.schemas.enable": "true"}}
                """);

        assertThat(ConnectorRun.config("t", 10, Map.of("compression.type", "lz4"), RecordShape.EMBEDDED_SCHEMA))
                .containsEntry("producer.override.compression.type", "lz4")
                .containsEntry("value.converter", "x")
                .containsEntry("value.converter.schemas.enable", "true");
    }
}
