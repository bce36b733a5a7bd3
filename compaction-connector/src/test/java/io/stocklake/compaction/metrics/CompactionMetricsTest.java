package io.stocklake.compaction.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.compaction.run.Compaction;
import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.sink.config.ServerSideEncryption;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.S3ObjectStore;
import io.stocklake.stack.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * The task's figures after passes on S3Proxy and the Glue endpoint, read from a real Kafka metrics registry as the
 * worker hands it to the task.
 */
class CompactionMetricsTest {

    private static final String BUCKET = "lake";
    private static final String DATABASE = "market";
    private static final String TABLE = "ticks";
    private static final String BASE = "topics/ticks/";
    private static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private S3Server s3;
    private GlueEndpoint glueEndpoint;
    private GlueClient glue;
    private S3ObjectStore store;
    private final Metrics registry = new Metrics();

    @BeforeEach
    void start() throws IOException {
        s3 = S3Server.inMemory().start();
        s3.createBucket(BUCKET);
        glueEndpoint = GlueEndpoint.start(
                GlueEndpointConfig.defaults().withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        glue = GlueClient.builder()
                .endpointOverride(glueEndpoint.uri())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
        store = new S3ObjectStore(s3.client(), BUCKET, 5 * 1024 * 1024, ServerSideEncryption.NONE, "", List.of());
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        glue.createTable(r -> r.databaseName(DATABASE)
                .tableInput(t -> t.name(TABLE)
                        .partitionKeys(
                                Column.builder().name("dt").type("string").build(),
                                Column.builder().name("hour").type("string").build())
                        .storageDescriptor(descriptor("s3://" + BUCKET + "/" + BASE))));
    }

    @AfterEach
    void stop() {
        registry.close();
        store.close();
        glue.close();
        glueEndpoint.close();
        s3.close();
    }

    @Test
    void aPassThatCompactsMovesTheCompactionsTheBytesRewrittenAndTheObjectsQueriesRead() throws IOException {
        register("03");
        register("05");
        for (int file = 0; file < 6; file++) {
            sinkFile("03", file * 100L);
        }
        sinkFile("05", 0);
        sinkFile("05", 100);
        CompactionMetrics metrics =
                CompactionMetrics.of(new PluginMetricsImpl(registry, Map.of("task", "0")), List.of(TABLE));

        metered(metrics).run(List.of(TABLE));

        assertThat(value(CompactionMetrics.PASSES)).isEqualTo(1L);
        assertThat(value(CompactionMetrics.COMPACTIONS)).isEqualTo(1L);
        long compactedBytes = store.list(BASE + "dt=2026-11-24/hour=03/_compacted/").stream()
                .filter(k -> k.endsWith(".parquet"))
                .mapToLong(k -> store.get(k).length)
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
        CompactionConfig config = config();
        MeteredObjectStore metered = new MeteredObjectStore(store, metrics::rewritten);
        return new MeteredPass(
                Compaction.pass(config, metered, glue, "test"),
                new ObjectCounter(glue, "", DATABASE, metered, BUCKET, new PartitionShare(0, 1)),
                new ObjectLayout(BUCKET, "topics")::tableLocation,
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

    private CompactionConfig config() {
        Map<String, String> props = new HashMap<>();
        props.put(CompactionConfig.S3_BUCKET_NAME, BUCKET);
        props.put(CompactionConfig.S3_ENDPOINT_URL, s3.endpoint().toString());
        props.put(CompactionConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(CompactionConfig.AWS_ACCESS_KEY_ID, S3Server.ACCESS_KEY);
        props.put(CompactionConfig.AWS_SECRET_ACCESS_KEY, S3Server.SECRET_KEY);
        props.put(CompactionConfig.GLUE_ENDPOINT_URL, glueEndpoint.uri().toString());
        props.put(CompactionConfig.GLUE_DATABASE, DATABASE);
        props.put(CompactionConfig.TABLES, TABLE);
        props.put(CompactionConfig.CLOSED_GRACE_MS, "0");
        return new CompactionConfig(props);
    }

    private static StorageDescriptor descriptor(String location) {
        return StorageDescriptor.builder()
                .columns(
                        Column.builder().name("symbol").type("string").build(),
                        Column.builder().name("event_time").type("timestamp").build(),
                        Column.builder().name("price").type("double").build())
                .location(location)
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(SerDeInfo.builder()
                        .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                        .build())
                .build();
    }

    private void register(String hour) {
        glue.createPartition(r -> r.databaseName(DATABASE)
                .tableName(TABLE)
                .partitionInput(p -> p.values("2026-11-24", hour)
                        .storageDescriptor(
                                descriptor("s3://" + BUCKET + "/" + BASE + "dt=2026-11-24/hour=" + hour + "/"))));
    }

    /** A file as the sink writes it: zstd Parquet named after its first offset. */
    private void sinkFile(String hour, long first) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "zstd").open(TICK, bytes);
        for (long offset = first; offset < first + 100; offset++) {
            Struct row = new Struct(TICK)
                    .put("symbol", offset % 2 == 0 ? "MSFT" : "AAPL")
                    .put("event_time", new Date(1_795_000_000_000L + offset * 1000))
                    .put("price", 100 + offset / 100.0);
            writer.write(new SinkRecord(TABLE, 0, null, null, TICK, row, offset));
        }
        writer.finish();
        store.put(
                BASE + "dt=2026-11-24/hour=" + hour + "/ticks+0+" + String.format("%020d", first) + ".parquet",
                bytes.toByteArray());
    }
}
