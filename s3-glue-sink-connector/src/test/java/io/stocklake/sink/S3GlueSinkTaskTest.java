package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.LayoutConfig;
import io.stocklake.sink.config.RotationConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.RecordingSinkTaskContext;
import io.stocklake.sink.testing.S3ProxyServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The task wired to a real S3 server. */
class S3GlueSinkTaskTest {

    private static final TopicPartition TP = new TopicPartition("stock-ticks", 0);
    private static final Instant TIME = Instant.parse("2026-11-24T03:04:05Z");

    private static S3ProxyServer server;
    private static S3Client inspector;
    private static int buckets;

    private final S3GlueSinkTask task = new S3GlueSinkTask();
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
        inspector = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        inspector.close();
        server.close();
    }

    @AfterEach
    void stopTask() {
        task.stop();
    }

    private void start(RecordingSinkTaskContext context, String... extra) {
        bucket = "stock-lake-" + (++buckets);
        inspector.createBucket(b -> b.bucket(bucket));
        Map<String, String> props = new HashMap<>();
        props.put(StorageConfig.S3_BUCKET_NAME, bucket);
        props.put(StorageConfig.S3_ENDPOINT_URL, server.endpoint());
        // S3Proxy refuses the AWS SDK's default streaming checksums.
        props.put(StorageConfig.S3_REQUEST_CHECKSUMS, "when_required");
        props.put(StorageConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(CredentialsConfig.AWS_ACCESS_KEY_ID, S3ProxyServer.ACCESS_KEY);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        props.put(RotationConfig.FLUSH_SIZE, "2");
        // S3 behaviour only; S3GlueSinkTaskGlueTest covers the catalog.
        props.put(CatalogConfig.GLUE_ENABLED, "false");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        task.initialize(context);
        task.start(props);
        task.open(List.of(TP));
    }

    @Test
    void aTaskPointedAtAMissingBucketFailsAtStartNamingTheBucketSetting() {
        assertThatThrownBy(
                        () -> start(new RecordingSinkTaskContext(false), StorageConfig.S3_BUCKET_NAME, "no-such-lake"))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(StorageConfig.S3_BUCKET_NAME)
                .hasMessageContaining("no-such-lake");
    }

    @Test
    void aTaskWithARefusedSecretFailsAtStartNamingTheCredentialSettings() {
        assertThatThrownBy(() -> start(
                        new RecordingSinkTaskContext(false), CredentialsConfig.AWS_SECRET_ACCESS_KEY, "not-the-secret"))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("SignatureDoesNotMatch")
                .hasMessageContaining(CredentialsConfig.AWS_SECRET_ACCESS_KEY)
                .hasMessageNotContaining("not-the-secret");
    }

    private static SinkRecord record(long offset, Object value) {
        return new SinkRecord(
                TP.topic(),
                TP.partition(),
                null,
                null,
                null,
                value,
                offset,
                TIME.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }

    @Test
    void rotatedFilesLandInS3AndOnlyTheirOffsetsAreCommitted() {
        start(new RecordingSinkTaskContext(false));

        task.put(List.of(record(0, Map.of("p", 1)), record(1, Map.of("p", 2)), record(2, Map.of("p", 3))));

        // The rotated file uploads in the background; its offsets are committable once it is in S3.
        await().untilAsserted(() -> assertThat(task.preCommit(Map.of(TP, new OffsetAndMetadata(3))))
                .containsExactly(Map.entry(TP, new OffsetAndMetadata(2))));
        assertThat(dataKeys())
                .containsExactly("topics/stock_ticks/dt=2026-11-24/hour=03/stock-ticks+0+00000000000000000000.json");
    }

    @Test
    void badRecordWithoutErrantRecordReporterFailsNamingTheRecordAndField() {
        start(
                new RecordingSinkTaskContext(false),
                LayoutConfig.PARTITION_TIME_SOURCE,
                "field",
                LayoutConfig.PARTITION_TIME_FIELD,
                "ts");

        assertThatThrownBy(() -> task.put(List.of(record(5, Map.of("symbol", "AAPL")))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("stock-ticks-0@5")
                .hasMessageContaining("ts");
    }

    @Test
    void badRecordFailsNamingTheRecordAndFieldWithoutToleranceEvenWhenThereIsAReporter() {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        start(
                context,
                LayoutConfig.PARTITION_TIME_SOURCE,
                "field",
                LayoutConfig.PARTITION_TIME_FIELD,
                "ts",
                "errors.tolerance",
                "none",
                "errors.log.enable",
                "true");

        assertThatThrownBy(() -> task.put(List.of(record(5, Map.of("symbol", "AAPL")))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("stock-ticks-0@5")
                .hasMessageContaining("ts");
        assertThat(context.reported).isEmpty();
    }

    @Test
    void badRecordGoesToTheErrantRecordReporterWhenErrorsAreTolerated() {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        start(
                context,
                LayoutConfig.PARTITION_TIME_SOURCE,
                "field",
                LayoutConfig.PARTITION_TIME_FIELD,
                "ts",
                "errors.tolerance",
                "all");
        SinkRecord bad = record(5, Map.of("symbol", "AAPL"));

        task.put(List.of(bad));

        assertThat(context.reported).containsExactly(bad);
        assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(6)));
    }

    @Test
    void aTimeNoTableCanHoldFailsNamingTheRecordAndFieldWithoutTolerance() {
        start(
                new RecordingSinkTaskContext(false),
                LayoutConfig.PARTITION_TIME_SOURCE,
                "field",
                LayoutConfig.PARTITION_TIME_FIELD,
                "ts");

        assertThatThrownBy(() -> task.put(List.of(record(5, Map.of("symbol", "AAPL", "ts", Long.MAX_VALUE)))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("stock-ticks-0@5")
                .hasMessageContaining("time field ts");
    }

    @Test
    void timesNoTableCanHoldGoToTheErrantRecordReporterAndTheTicksAroundThemLand() {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        start(
                context,
                LayoutConfig.PARTITION_TIME_SOURCE,
                "field",
                LayoutConfig.PARTITION_TIME_FIELD,
                "ts",
                "errors.tolerance",
                "all");
        long good = TIME.toEpochMilli();
        List<Long> extremes = List.of(
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("0000-01-01T00:00:00Z").toEpochMilli());
        List<SinkRecord> records = new java.util.ArrayList<>();
        records.add(record(0, Map.of("symbol", "AAPL", "ts", good)));
        for (int i = 0; i < extremes.size(); i++) {
            records.add(record(1 + i, Map.of("symbol", "AAPL", "ts", extremes.get(i))));
        }
        records.add(record(5, Map.of("symbol", "AAPL", "ts", good + 1)));

        task.put(records);

        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L, 2L, 3L, 4L);
        assertThat(context.reportedErrors)
                .allSatisfy(e -> assertThat(e)
                        .hasMessageContaining("time field ts")
                        .hasMessageContaining("outside years 0001 to 9999"));
        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(6))));
    }

    @Test
    void closedPartitionIsNoLongerCommitted() {
        start(new RecordingSinkTaskContext(false));
        task.put(List.of(record(0, Map.of("p", 1))));

        task.close(List.of(TP));

        assertThat(task.preCommit(Map.of())).isEmpty();
        assertThat(dataKeys()).isEmpty();
    }

    /** Data objects: the boundary logs beside the tables are not what these tests look at. */
    private List<String> dataKeys() {
        return inspector.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.contains("/_boundaries/"))
                .toList();
    }
}
