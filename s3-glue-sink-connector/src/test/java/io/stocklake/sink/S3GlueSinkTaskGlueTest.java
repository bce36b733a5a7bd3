package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.glue.endpoint.fault.FaultPlan;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.ErrorsConfig;
import io.stocklake.sink.config.MetadataConfig;
import io.stocklake.sink.config.RotationConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.LocalGlue;
import io.stocklake.sink.testing.RecordingSinkTaskContext;
import io.stocklake.sink.testing.S3ProxyServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The task wired to a real S3 server and the real Glue-compatible endpoint. */
class S3GlueSinkTaskGlueTest {

    private static final TopicPartition TP = new TopicPartition("stock-ticks", 0);
    private static final Instant TIME = Instant.parse("2026-11-24T03:04:05Z");
    private static final String TABLE = "stock_ticks";
    private static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();
    private static final Schema PRICE_AS_TEXT = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("price", Schema.STRING_SCHEMA)
            .build();

    private static S3ProxyServer s3;
    private static S3Client inspector;
    private static LocalGlue glue;
    private static int runs;

    private final S3GlueSinkTask task = new S3GlueSinkTask();
    private String bucket;
    private String database;

    @BeforeAll
    static void startServers() throws Exception {
        s3 = new S3ProxyServer();
        inspector = s3.client();
        glue = new LocalGlue();
    }

    @AfterAll
    static void stopServers() throws Exception {
        glue.close();
        inspector.close();
        s3.close();
    }

    @AfterEach
    void stopTask() {
        glue.endpoint.faults().clear();
        task.stop();
    }

    private void start(RecordingSinkTaskContext context, String... extra) {
        runs++;
        bucket = "stock-lake-" + runs;
        database = "stock_market_" + runs;
        inspector.createBucket(b -> b.bucket(bucket));
        Map<String, String> props = new HashMap<>();
        props.put(StorageConfig.S3_BUCKET_NAME, bucket);
        props.put(StorageConfig.S3_ENDPOINT_URL, s3.endpoint());
        // S3Proxy refuses the AWS SDK's default streaming checksums.
        props.put(StorageConfig.S3_REQUEST_CHECKSUMS, "when_required");
        props.put(StorageConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(CredentialsConfig.AWS_ACCESS_KEY_ID, S3ProxyServer.ACCESS_KEY);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        props.put(RotationConfig.FLUSH_SIZE, "2");
        props.put(CatalogConfig.GLUE_ENDPOINT_URL, glue.endpointUrl());
        props.put(CatalogConfig.GLUE_DATABASE, database);
        props.put(CatalogConfig.GLUE_RETRY_MAX_ATTEMPTS, "2");
        props.put(CatalogConfig.GLUE_RETRY_BACKOFF_MS, "1");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        task.initialize(context);
        task.start(props);
        task.open(List.of(TP));
    }

    private static SinkRecord tick(long offset) {
        return record(offset, TICK, new Struct(TICK).put("symbol", "AAPL").put("price", 1.5 + offset));
    }

    private static SinkRecord record(long offset, Schema schema, Struct value) {
        return new SinkRecord(
                TP.topic(),
                TP.partition(),
                null,
                null,
                schema,
                value,
                offset,
                TIME.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }

    /** Data objects: the boundary logs beside the tables are not what these tests look at. */
    private List<String> keys() {
        return inspector.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.contains("/_boundaries/"))
                .toList();
    }

    private List<Partition> partitions() {
        return glue.partitions(database, TABLE);
    }

    @Test
    void filesLandInS3AndTheirTableAndPartitionInGlueBeforeTheOffsetCommits() {
        start(new RecordingSinkTaskContext(false));

        task.put(List.of(tick(0), tick(1), tick(2)));

        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(2))));
        assertThat(keys())
                .containsExactly("topics/stock_ticks/dt=2026-11-24/hour=03/stock-ticks+0+00000000000000000000.json");
        assertThat(glue.table(database, TABLE).storageDescriptor().location())
                .isEqualTo("s3://" + bucket + "/topics/stock_ticks/");
        assertThat(partitions()).singleElement().satisfies(p -> {
            assertThat(p.values()).containsExactly("2026-11-24", "03");
            assertThat(p.storageDescriptor().location())
                    .isEqualTo("s3://" + bucket + "/topics/stock_ticks/dt=2026-11-24/hour=03/");
        });
    }

    @Test
    void glueOutageHoldsTheOffsetsUntilRegistrationCatchesUp() {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(false);
        start(context);
        glue.endpoint
                .faults()
                .set(FaultPlan.none().withOutage(Instant.EPOCH, Instant.MAX).onlyFor(Set.of("BatchCreatePartition")));

        task.put(List.of(tick(0), tick(1)));
        // The file uploads in the background; the next put finds the registration failing once it is in S3.
        await().untilAsserted(() -> assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("ServiceUnavailable"));
        assertThat(task.preCommit(Map.of(TP, new OffsetAndMetadata(2))))
                .containsExactly(Map.entry(TP, new OffsetAndMetadata(0)));
        assertThat(context.rewinds).containsEntry(TP, 0L);
        assertThat(partitions()).isEmpty();

        glue.endpoint.faults().clear();
        // Connect hands the failed (empty) batch in again, then the records polled from the rewound offset.
        task.put(List.of());
        task.put(List.of(tick(0), tick(1)));

        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(2))));
        assertThat(partitions()).hasSize(1);
        assertThat(keys()).hasSize(1);
    }

    @Test
    void recordTheTableCannotHoldGoesToTheDeadLetterQueueWhenTolerated() {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        start(context, RotationConfig.FLUSH_SIZE, "1", "errors.tolerance", "all");
        SinkRecord textPrice = record(
                1,
                PRICE_AS_TEXT,
                new Struct(PRICE_AS_TEXT).put("symbol", "AAPL").put("price", "1.5"));

        task.put(List.of(tick(0), textPrice, tick(2)));

        assertThat(context.reported).containsExactly(textPrice);
        assertThat(context.reportedErrors).singleElement().asString().contains("price");
        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(3))));
        assertThat(keys()).hasSize(2);
    }

    @Test
    void recordTheTableCannotHoldFailsTheTaskNamingTheFieldWhenNotTolerated() {
        start(new RecordingSinkTaskContext(false), RotationConfig.FLUSH_SIZE, "1");
        task.put(List.of(tick(0)));
        SinkRecord textPrice = record(
                1,
                PRICE_AS_TEXT,
                new Struct(PRICE_AS_TEXT).put("symbol", "AAPL").put("price", "1.5"));

        assertThatThrownBy(() -> task.put(List.of(textPrice)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("stock-ticks-0@1")
                .hasMessageContaining("price");
    }

    @Test
    void glueDisabledWritesToS3Only() {
        start(new RecordingSinkTaskContext(false), CatalogConfig.GLUE_ENABLED, "false");

        task.put(List.of(tick(0), tick(1)));

        await().untilAsserted(() -> assertThat(keys()).hasSize(1));
        assertThat(glue.inspector.getDatabases(r -> {}).databaseList())
                .noneMatch(d -> d.name().equals(database));
    }

    @Test
    void metadataColumnsAreTypedInTheTableAndTombstonesAreRowsInTheOpenFile() throws Exception {
        start(
                new RecordingSinkTaskContext(false),
                MetadataConfig.KAFKA_METADATA_COLUMNS,
                "topic,partition,offset,timestamp,key,headers",
                ErrorsConfig.BEHAVIOR_ON_NULL_VALUES,
                "write",
                RotationConfig.FLUSH_SIZE,
                "3");
        SinkRecord tombstone = new SinkRecord(
                TP.topic(),
                TP.partition(),
                null,
                "AAPL",
                null,
                null,
                1,
                TIME.toEpochMilli(),
                TimestampType.CREATE_TIME);

        task.put(List.of(keyed(tick(0)), tombstone, keyed(tick(2))));

        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(3))));
        assertThat(glue.table(database, TABLE).storageDescriptor().columns())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        tuple("kafka_topic", "string"),
                        tuple("kafka_partition", "int"),
                        tuple("kafka_offset", "bigint"),
                        tuple("kafka_timestamp", "timestamp"),
                        tuple("kafka_key", "string"),
                        tuple("kafka_headers", "map<string,string>"),
                        tuple("symbol", "string"),
                        tuple("price", "double"));
        assertThat(keys()).singleElement();
        List<JsonNode> rows = jsonLines(keys().get(0));
        assertThat(rows).extracting(r -> r.path("kafka_offset").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(rows.get(1).path("kafka_key").asText()).isEqualTo("AAPL");
        assertThat(rows.get(1).path("symbol").isNull()).isTrue();
        assertThat(rows.get(0).path("kafka_timestamp").asText()).isEqualTo("2026-11-24 03:04:05.000");
        assertThat(rows.get(0).path("kafka_headers").path("source").asText()).isEqualTo("feed-1");
    }

    @Test
    void schemalessMapsLandInAPreCreatedTableConvertedByItsColumns() throws Exception {
        start(new RecordingSinkTaskContext(false), RotationConfig.FLUSH_SIZE, "2");
        glue.inspector.createDatabase(r -> r.databaseInput(d -> d.name(database)));
        glue.inspector.createTable(r -> r.databaseName(database)
                .tableInput(t -> t.name(TABLE)
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(
                                Column.builder().name("dt").type("string").build(),
                                Column.builder().name("hour").type("string").build())
                        .storageDescriptor(sd -> sd.location("s3://" + bucket + "/topics/stock_ticks/")
                                .columns(
                                        Column.builder()
                                                .name("symbol")
                                                .type("string")
                                                .build(),
                                        Column.builder()
                                                .name("price")
                                                .type("decimal(10,2)")
                                                .build(),
                                        Column.builder()
                                                .name("at")
                                                .type("timestamp")
                                                .build())
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .serdeInfo(si -> si.serializationLibrary("org.apache.hive.hcatalog.data.JsonSerDe")))));
        Map<String, Object> first = Map.of("symbol", "AAPL", "price", 1.5, "at", "2026-11-24T03:04:05Z", "venue", "X");
        Map<String, Object> second = Map.of("symbol", "MSFT", "price", 2L, "at", 1_764_000_000_000L);

        task.put(List.of(schemaless(0, first), schemaless(1, second)));

        await().untilAsserted(() ->
                assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(TP, new OffsetAndMetadata(2))));
        List<JsonNode> rows = jsonLines(keys().get(0));
        assertThat(inspector
                        .getObjectAsBytes(r -> r.bucket(bucket).key(keys().get(0)))
                        .asUtf8String()
                        .lines())
                .first()
                .isEqualTo("{\"symbol\":\"AAPL\",\"price\":1.50,\"at\":\"2026-11-24 03:04:05.000\"}");
        assertThat(rows.get(1).path("price").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(glue.table(database, TABLE).storageDescriptor().columns())
                .extracting(Column::name)
                .containsExactly("symbol", "price", "at");
    }

    private static SinkRecord keyed(SinkRecord record) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("source", "feed-1");
        return new SinkRecord(
                record.topic(),
                record.kafkaPartition(),
                Schema.STRING_SCHEMA,
                "AAPL",
                record.valueSchema(),
                record.value(),
                record.kafkaOffset(),
                record.timestamp(),
                TimestampType.CREATE_TIME,
                headers);
    }

    private static SinkRecord schemaless(long offset, Map<String, Object> value) {
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

    private List<JsonNode> jsonLines(String key) throws Exception {
        String text = inspector.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            rows.add(json.readTree(line));
        }
        return rows;
    }
}
