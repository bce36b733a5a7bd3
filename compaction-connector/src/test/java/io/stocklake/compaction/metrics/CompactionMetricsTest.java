package io.stocklake.compaction.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.compaction.TestLake;
import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.compaction.run.Compaction;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.route.ObjectLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The task's figures after passes on S3Proxy and the Glue endpoint, read from a real Kafka metrics registry as the
 * worker hands it to the task.
 */
class CompactionMetricsTest {

    private static final String DAY = "2026-11-24";
    private static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private TestLake lake;
    private final Metrics registry = new Metrics();

    @BeforeEach
    void start() throws IOException {
        lake = TestLake.start(List.of(
                Column.builder().name("symbol").type("string").build(),
                Column.builder().name("event_time").type("timestamp").build(),
                Column.builder().name("price").type("double").build()));
    }

    @AfterEach
    void stop() {
        registry.close();
        lake.close();
    }

    @Test
    void aPassThatCompactsMovesTheCompactionsTheBytesRewrittenAndTheObjectsQueriesRead() throws IOException {
        lake.register(DAY, "03");
        lake.register(DAY, "05");
        for (int file = 0; file < 6; file++) {
            sinkFile("03", file * 100L);
        }
        sinkFile("05", 0);
        sinkFile("05", 100);
        CompactionMetrics metrics =
                CompactionMetrics.of(new PluginMetricsImpl(registry, Map.of("task", "0")), List.of(TestLake.TABLE));

        metered(metrics).run(List.of(TestLake.TABLE));

        assertThat(value(CompactionMetrics.PASSES)).isEqualTo(1L);
        assertThat(value(CompactionMetrics.COMPACTIONS)).isEqualTo(1L);
        long compactedBytes = lake.store().list(TestLake.folder(DAY, "03") + "_compacted/").stream()
                .filter(k -> k.endsWith(".parquet"))
                .mapToLong(k -> lake.store().get(k).length)
                .sum();
        assertThat(compactedBytes).isPositive();
        assertThat(value(CompactionMetrics.BYTES_REWRITTEN)).isEqualTo(compactedBytes);
        assertThat(value(CompactionMetrics.OBJECTS_BEFORE)).isEqualTo(8L);
        assertThat(value(CompactionMetrics.OBJECTS_AFTER)).isEqualTo(3L);
        assertThat(value(CompactionMetrics.PARTITIONS)).isEqualTo(2L);
        assertThat(value(CompactionMetrics.MAX_OBJECTS_PER_PARTITION)).isEqualTo(2L);
        assertThat(value(CompactionMetrics.FAILURES)).isEqualTo(0L);
        assertThat(value(CompactionMetrics.LAST_ERROR)).isEqualTo("");
    }

    @Test
    void aTableThatCannotBeCompactedIsCountedAsAFailureWithItsMessageAndTime() {
        CompactionMetrics metrics =
                CompactionMetrics.of(new PluginMetricsImpl(registry, Map.of("task", "0")), List.of("missing"));

        metered(metrics).run(List.of("missing"));

        assertThat(value(CompactionMetrics.FAILURES)).isEqualTo(1L);
        assertThat((String) value(CompactionMetrics.LAST_ERROR)).startsWith("missing: ");
        assertThat((String) value(CompactionMetrics.LAST_ERROR_TIME)).isNotEmpty();
        assertThat(value(CompactionMetrics.COMPACTIONS)).isEqualTo(0L);
    }

    private MeteredPass metered(CompactionMetrics metrics) {
        CompactionConfig config = lake.config(Map.of());
        MeteredObjectStore metered = new MeteredObjectStore(lake.store(), metrics::rewritten);
        return new MeteredPass(
                Compaction.pass(config, metered, lake.glue(), "test"),
                new ObjectCounter(
                        lake.glue(), "", TestLake.DATABASE, metered, TestLake.BUCKET, new PartitionShare(0, 1)),
                new ObjectLayout(TestLake.BUCKET, "topics")::tableLocation,
                metrics,
                Clock.systemUTC());
    }

    private Object value(String name) {
        return registry.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue()
                .metricValue();
    }

    /** A file as the sink writes it: zstd Parquet named after its first offset, its batch landed. */
    private void sinkFile(String hour, long first) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "zstd").open(TICK, bytes);
        for (long offset = first; offset < first + 100; offset++) {
            Struct row = new Struct(TICK)
                    .put("symbol", offset % 2 == 0 ? "MSFT" : "AAPL")
                    .put("event_time", new Date(1_795_000_000_000L + offset * 1000))
                    .put("price", 100 + offset / 100.0);
            writer.write(new SinkRecord(TestLake.TABLE, 0, null, null, TICK, row, offset));
        }
        writer.finish();
        lake.putSinkFile(DAY, hour, first, 100, bytes.toByteArray());
    }
}
