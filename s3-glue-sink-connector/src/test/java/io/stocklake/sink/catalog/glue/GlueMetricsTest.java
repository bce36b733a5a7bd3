package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static io.stocklake.sink.catalog.glue.GlueFixture.partitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.testing.LocalGlue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

/** The catalog's metrics in a real Kafka metrics registry, as the worker hands them to the task. */
class GlueMetricsTest {

    @Test
    void callsPartitionsAndLatencyAreReported() throws Exception {
        try (LocalGlue glue = new LocalGlue();
                GlueFixture fixture = new GlueFixture(glue);
                Metrics metrics = new Metrics()) {
            PartitionCatalog catalog = fixture.catalog(new PluginMetricsImpl(metrics, Map.of("task", "0")));
            catalog.ensureTable(parquet(TICK));

            catalog.register(partitions(150));
            catalog.register(partitions(150));

            assertThat(value(metrics, GlueMetrics.CALLS)).isEqualTo(fixture.requests.calls.size());
            assertThat(value(metrics, GlueMetrics.PARTITIONS_REGISTERED)).isEqualTo(150.0);
            assertThat(value(metrics, GlueMetrics.REGISTRATION_LATENCY_MAX)).isGreaterThanOrEqualTo(0.0);
            assertThat(value(metrics, GlueMetrics.REGISTRATION_LATENCY_AVG)).isNotNaN();
        }
    }

    private static double value(Metrics metrics, String name) {
        return (double) metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue()
                .metricValue();
    }

    @SuppressWarnings("unused")
    private static LinkedHashMap<String, String> tags() {
        return new LinkedHashMap<>();
    }
}
