package io.stocklake.it.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.CatalogReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The sink on a real Connect worker registers in a Glue-compatible catalog what Athena needs: a table per format
 * with the right SerDe, columns from the record schema, partitions dt/hour, one registration per new partition
 * and none for data into known ones, and columns appended when the schema grows.
 */
class GlueCatalogIT {

    private static final String BUCKET = "lake";
    private static final String DATABASE = "market";
    /** Ticks of the tick source, shared by the format tests: 300 ticks over three hours of simulated time. */
    private static final String TICKS = "glue-ticks";

    private static final int TICK_COUNT = 300;
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(90);

    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    private static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).withGlue().build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static CatalogReader catalog;
    private static SinkOffsets offsets;
    private static LakeFiles lake;

    @BeforeAll
    static void writeTicks() {
        catalog = new CatalogReader(stack.glue().uri());
        offsets = new SinkOffsets(stack.broker());
        lake = new LakeFiles(stack.s3());
        stack.s3().createBucket(BUCKET);
        Topics.create(stack.broker(), TICKS, 1);
        stack.connect()
                .rest()
                .putConnector(
                        "tick-source",
                        StackConfigs.simulatedTicks(
                                TICKS, "AAPL,MSFT,KO", TICK_COUNT, "2025-06-02T03:30:00Z", 0.05, 0));
        await("the tick source to write " + TICK_COUNT + " ticks")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.readUncommitted(stack.broker().bootstrapServers())
                                .endOffsetSum(TICKS)
                        == TICK_COUNT);
        stack.connect().rest().deleteConnector("tick-source");
    }

    @AfterAll
    static void closeClients() {
        catalog.close();
        offsets.close();
        lake.close();
    }

    @AfterEach
    void removeConnectors() {
        stack.connect().rest().connectors().forEach(stack.connect().rest()::deleteConnector);
        stack.glue().faults().clear();
    }

    @Test
    void jsonTableReadsJsonLinesWithTheHCatalogSerDe() {
        Table table = writeTicksAs("ticks_json", "json", "none");

        StorageDescriptor sd = table.storageDescriptor();
        assertThat(sd.serdeInfo().serializationLibrary()).isEqualTo("org.apache.hive.hcatalog.data.JsonSerDe");
        assertThat(sd.inputFormat()).isEqualTo(TEXT_INPUT);
        assertThat(sd.outputFormat()).isEqualTo(TEXT_OUTPUT);
        assertThat(table.parameters())
                .contains(entry("EXTERNAL", "TRUE"), entry("classification", "json"), entry("compressionType", "none"));
        assertTickTable(table, "ticks_json");
        assertPartitionsHoldTheTopicsHours("ticks_json", ".json");
    }

    @Test
    void csvTableReadsCommaSeparatedTextWithAHeaderLine() {
        Table table = writeTicksAs("ticks_csv", "csv", "gzip");

        StorageDescriptor sd = table.storageDescriptor();
        assertThat(sd.serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(sd.serdeInfo().parameters())
                .contains(
                        entry("field.delim", ","),
                        entry("serialization.format", ","),
                        entry("serialization.null.format", ""));
        assertThat(sd.inputFormat()).isEqualTo(TEXT_INPUT);
        assertThat(sd.outputFormat()).isEqualTo(TEXT_OUTPUT);
        assertThat(table.parameters())
                .contains(
                        entry("EXTERNAL", "TRUE"),
                        entry("classification", "csv"),
                        entry("compressionType", "gzip"),
                        entry("skip.header.line.count", "1"));
        assertTickTable(table, "ticks_csv");
        assertPartitionsHoldTheTopicsHours("ticks_csv", ".csv.gz");
    }

    @Test
    void parquetTableReadsParquetWithItsCompression() {
        Table table = writeTicksAs("ticks_parquet", "parquet", "snappy");

        StorageDescriptor sd = table.storageDescriptor();
        assertThat(sd.serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(sd.inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(sd.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        assertThat(table.parameters())
                .contains(
                        entry("EXTERNAL", "TRUE"),
                        entry("classification", "parquet"),
                        entry("compressionType", "snappy"),
                        entry("parquet.compression", "SNAPPY"));
        assertTickTable(table, "ticks_parquet");
        assertPartitionsHoldTheTopicsHours("ticks_parquet", ".parquet");
    }

    @Test
    void eachNewPartitionIsRegisteredOnceAndFilesIntoKnownPartitionsCostNoGlueCall() {
        String topic = "glue-counted";
        Topics.create(stack.broker(), topic, 1);
        Map<String, String> config = StackConfigs.sink(stack, topic, BUCKET, DATABASE, "json");
        config.put("table.name", "counted");
        config.put("flush.size", "10");
        stack.glue().resetRequestCounts();
        stack.connect().rest().putConnector("counted-sink", config);
        Instant hour0 = Instant.parse("2025-06-02T00:10:00Z");
        Instant hour1 = hour0.plus(Duration.ofHours(1));
        try (TickProducer producer = new TickProducer(stack.broker().bootstrapServers())) {
            produce(producer, topic, hour0, 0, 10);
            offsets.awaitAllCommitted("counted-sink", topic, COMMIT_TIMEOUT);
            assertThat(stack.glue().requestCount("BatchCreatePartition")).isEqualTo(1);

            stack.glue().resetRequestCounts();
            produce(producer, topic, hour1, 10, 10);
            offsets.awaitAllCommitted("counted-sink", topic, COMMIT_TIMEOUT);
            assertThat(stack.glue().requestCounts())
                    .as("a new partition: one lookup, one creation, nothing else")
                    .containsOnly(entry("BatchGetPartition", 1L), entry("BatchCreatePartition", 1L));

            stack.glue().resetRequestCounts();
            produce(producer, topic, hour0, 20, 10);
            produce(producer, topic, hour1, 30, 10);
            produce(producer, topic, hour0, 40, 10);
            offsets.awaitAllCommitted("counted-sink", topic, COMMIT_TIMEOUT);
            assertThat(stack.glue().requestCounts())
                    .as("Glue calls for files into known partitions")
                    .isEmpty();
        }

        assertThat(lake.keys(BUCKET, "topics/counted/")).hasSize(5);
        assertThat(catalog.partitionValues(DATABASE, "counted"))
                .containsExactlyInAnyOrder(DtHour.of(hour0.toEpochMilli()), DtHour.of(hour1.toEpochMilli()));
    }

    @Test
    void aNewOptionalFieldIsAppendedAsAColumnAndLaterFilesCarryIt() {
        String topic = "glue-evolving";
        Topics.create(stack.broker(), topic, 1);
        Map<String, String> config = StackConfigs.sink(stack, topic, BUCKET, DATABASE, "json");
        config.put("table.name", "evolving");
        config.put("flush.size", "10");
        stack.connect().rest().putConnector("evolving-sink", config);
        Instant hour = Instant.parse("2025-06-02T05:00:00Z");
        try (TickProducer producer = new TickProducer(stack.broker().bootstrapServers())) {
            produce(producer, topic, hour, 0, 10);
            offsets.awaitAllCommitted("evolving-sink", topic, COMMIT_TIMEOUT);
            assertThat(columnNames(catalog.table(DATABASE, "evolving").orElseThrow()))
                    .containsExactly("symbol", "seq", "price", "event_time");

            stack.glue().resetRequestCounts();
            for (int seq = 10; seq < 20; seq++) {
                producer.sendWithVenue(topic, 0, hour.plusSeconds(seq), "AAPL", seq, "XNAS");
            }
            producer.flush();
            offsets.awaitAllCommitted("evolving-sink", topic, COMMIT_TIMEOUT);
        }

        assertThat(stack.glue().requestCount("UpdateTable")).isEqualTo(1);
        Table table = catalog.table(DATABASE, "evolving").orElseThrow();
        assertThat(table.storageDescriptor().columns())
                .extracting(Column::name, Column::type)
                .endsWith(tuple("venue", "string"));
        assertThat(columnNames(table)).containsExactly("symbol", "seq", "price", "event_time", "venue");
        List<String> files = lake.keys(BUCKET, "topics/evolving/");
        assertThat(files).hasSize(2);
        assertThat(lake.jsonLines(BUCKET, files.get(0)))
                .allSatisfy(line -> assertThat(line.has("venue")).isFalse());
        assertThat(lake.jsonLines(BUCKET, files.get(1)))
                .allSatisfy(line -> assertThat(line.path("venue").asText()).isEqualTo("XNAS"));
    }

    @Test
    void theShippedSinkConfigCreatesStockMarketStockTicksWithPartitions() throws IOException {
        stack.s3().createBucket("stock-lake");
        ObjectMapper json = new ObjectMapper();
        Path configs = Path.of(System.getProperty("stocklake.connect.configs"));
        stack.connect()
                .rest()
                .postConnector(
                        json.readTree(configs.resolve("stock-ticks-source.json").toFile()));
        ObjectNode sink =
                (ObjectNode) json.readTree(configs.resolve("s3-glue-sink.json").toFile());
        ObjectNode sinkConfig = (ObjectNode) sink.get("config");
        StackConfigs.localEndpoints(stack).forEach(sinkConfig::put);
        sinkConfig.put("errors.deadletterqueue.topic.replication.factor", "1");

        stack.connect().rest().postConnector(sink);

        // The shipped config rotates files once a minute by the wall clock: the first partition takes that long.
        await("a partition of stock_market.stock_ticks")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !catalog.partitions("stock_market", "stock_ticks").isEmpty());
        Table table = catalog.table("stock_market", "stock_ticks").orElseThrow();
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://stock-lake/topics/stock_ticks/");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).endsWith("ParquetHiveSerDe");
        assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("dt", "hour");
        assertThat(columnNames(table)).contains("symbol", "event_time", "seq", "price", "bid", "ask");
        for (Partition partition : catalog.partitions("stock_market", "stock_ticks")) {
            String folder = "topics/stock_ticks/" + DtHour.path(partition.values()) + "/";
            assertThat(partition.storageDescriptor().location()).isEqualTo("s3://stock-lake/" + folder);
            assertThat(lake.keys("stock-lake", folder)).isNotEmpty().allMatch(key -> key.endsWith(".parquet"));
        }
    }

    @Test
    void theShippedExternalSchemaPairLandsEveryTickInATableWithTheTickColumns() throws IOException {
        String topic = "stock-ticks-external";
        String table = "stock_ticks_external";
        stack.s3().createBucket("stock-lake");
        ObjectMapper json = new ObjectMapper();
        Path configs = Path.of(System.getProperty("stocklake.connect.configs"));
        ObjectNode source = (ObjectNode) json.readTree(
                configs.resolve("stock-ticks-source-external-schema.json").toFile());
        // A topic and table of its own: the default pair's test writes stock-ticks with embedded schemas.
        ((ObjectNode) source.get("config")).put("topic", topic);
        ObjectNode sink = (ObjectNode) json.readTree(
                configs.resolve("s3-glue-sink-external-schema.json").toFile());
        ObjectNode sinkConfig = (ObjectNode) sink.get("config");
        StackConfigs.localEndpoints(stack).forEach(sinkConfig::put);
        sinkConfig
                .put("topics", topic)
                .put("table.name", table)
                .put("glue.table", table)
                .put("errors.deadletterqueue.topic.name", topic + "-dlq")
                .put("errors.deadletterqueue.topic.replication.factor", "1")
                // JSON lines, to count the rows; files closed every 5 s instead of every minute.
                .put("format", "json")
                .put("compression", "none")
                .put("rotate.schedule.interval.ms", "5000");

        stack.connect().rest().postConnector(source);
        await("the source to write 100 ticks")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.readUncommitted(stack.broker().bootstrapServers())
                                .endOffsetSum(topic)
                        >= 100);
        stack.connect().rest().deleteConnector(source.get("name").asText());
        stack.connect().rest().postConnector(sink);
        offsets.awaitAllCommitted(sink.get("name").asText(), topic, COMMIT_TIMEOUT);

        assertThat(catalog.table("stock_market", table)
                        .orElseThrow()
                        .storageDescriptor()
                        .columns())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        tuple("symbol", "string"),
                        tuple("exchange", "string"),
                        tuple("event_time", "timestamp"),
                        tuple("seq", "bigint"),
                        tuple("price", "double"),
                        tuple("size", "int"),
                        tuple("bid", "double"),
                        tuple("ask", "double"),
                        tuple("bid_size", "int"),
                        tuple("ask_size", "int"),
                        tuple("day_volume", "bigint"));
        List<JsonNode> rows = lake.keys("stock-lake", "topics/" + table + "/").stream()
                .filter(key -> key.endsWith(".json"))
                .flatMap(key -> lake.jsonLines("stock-lake", key).stream())
                .toList();
        TopicReader topics = TopicReader.readUncommitted(stack.broker().bootstrapServers());
        assertThat(rows).hasSize((int) topics.endOffsetSum(topic));
        assertThat(rows.stream()
                        .map(row -> row.path("symbol").asText() + "#"
                                + row.path("seq").asLong())
                        .distinct())
                .hasSize(rows.size());
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.path("price").asDouble()).isPositive());
        assertThat(topics.endOffsetSum(topic + "-dlq"))
                .as("records sent to the dead letter queue")
                .isZero();
    }

    @Test
    void aConfluentS3SinkConfigLandsParquetUnderItsTimeFoldersAndRegistersThem() throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", StackConfigs.SINK);
        config.put("tasks.max", "1");
        config.put("topics", TICKS);
        config.put("s3.bucket.name", BUCKET);
        config.put("s3.region", S3Server.REGION);
        config.put("store.url", stack.s3().endpoint().toString());
        config.put("s3.path.style.access.enabled", "true");
        config.put("aws.access.key.id", stack.s3().accessKey());
        config.put("aws.secret.access.key", stack.s3().secretKey());
        config.put("storage.class", "io.confluent.connect.s3.storage.S3Storage");
        config.put("format.class", "io.confluent.connect.s3.format.parquet.ParquetFormat");
        config.put("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner");
        config.put("path.format", "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
        config.put("partition.duration.ms", "3600000");
        config.put("locale", "en-US");
        config.put("timezone", "UTC");
        config.put("timestamp.extractor", "RecordField");
        config.put("timestamp.field", "event_time");
        config.put("flush.size", "100");
        config.put("rotate.schedule.interval.ms", "1000");
        // The sink's own keys a Confluent config lacks: S3Proxy's checksums and the local Glue endpoint.
        config.put("s3.request.checksums", "when_required");
        config.put("glue.endpoint.url", stack.glue().uri().toString());
        config.put("glue.database", DATABASE);

        stack.connect().rest().putConnector("confluent-sink", config);
        offsets.awaitAllCommitted("confluent-sink", TICKS, COMMIT_TIMEOUT);

        Table table = catalog.table(DATABASE, "glue_ticks").orElseThrow();
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).endsWith("ParquetHiveSerDe");
        assertThat(table.parameters()).contains(entry("compressionType", "snappy"));
        assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("year", "month", "day", "hour");
        ObjectMapper json = new ObjectMapper();
        DateTimeFormatter hourFolders =
                DateTimeFormatter.ofPattern("yyyy MM dd HH").withZone(ZoneOffset.UTC);
        Set<List<String>> hours = new HashSet<>();
        for (ConsumerRecord<String, String> record :
                TopicReader.readUncommitted(stack.broker().bootstrapServers()).readAll(TICKS, Duration.ofSeconds(30))) {
            long eventTime = json.readTree(record.value())
                    .path("payload")
                    .path("event_time")
                    .asLong();
            hours.add(
                    List.of(hourFolders.format(Instant.ofEpochMilli(eventTime)).split(" ")));
        }
        List<Partition> partitions = catalog.partitions(DATABASE, "glue_ticks");
        assertThat(partitions).extracting(Partition::values).containsExactlyInAnyOrderElementsOf(hours);
        for (Partition partition : partitions) {
            List<String> v = partition.values();
            String folder = "topics/glue_ticks/year=" + v.get(0) + "/month=" + v.get(1) + "/day=" + v.get(2) + "/hour="
                    + v.get(3) + "/";
            assertThat(partition.storageDescriptor().location()).isEqualTo("s3://" + BUCKET + "/" + folder);
            assertThat(lake.keys(BUCKET, folder)).isNotEmpty().allMatch(key -> key.endsWith(".parquet"));
        }
    }

    @Test
    void restValidationRefusesAConfluentKeyWithoutEquivalentOnThatKey() {
        Map<String, String> config = StackConfigs.sink(stack, TICKS, BUCKET, DATABASE, "json");
        config.put("name", "refused-sink");
        config.remove("format");
        config.put("format.class", "io.confluent.connect.s3.format.avro.AvroFormat");

        JsonNode result = stack.connect().rest().validate(StackConfigs.SINK, config);

        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode entry : result.path("configs")) {
            List<String> messages = new ArrayList<>();
            entry.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(entry.path("value").path("name").asText(), messages);
            }
        }
        assertThat(errors).containsOnlyKeys("format.class");
        assertThat(errors.get("format.class"))
                .singleElement()
                .satisfies(message -> assertThat(message).contains("AvroFormat").contains("format=parquet"));
        assertThat(result.path("error_count").asInt()).isEqualTo(1);
    }

    /** Runs a sink of the shared ticks into table {@code name} until every tick is committed. */
    private static Table writeTicksAs(String name, String format, String compression) {
        Map<String, String> config = StackConfigs.sink(stack, TICKS, BUCKET, DATABASE, format);
        config.put("table.name", name);
        config.put("compression", compression);
        config.put("flush.size", "100");
        // Closes the last, partly filled files too.
        config.put("rotate.schedule.interval.ms", "1000");
        stack.connect().rest().putConnector(name + "-sink", config);
        offsets.awaitAllCommitted(name + "-sink", TICKS, COMMIT_TIMEOUT);
        return catalog.table(DATABASE, name).orElseThrow();
    }

    /** An external table at the table's folder with the tick schema's columns and string keys dt, hour. */
    private static void assertTickTable(Table table, String name) {
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.databaseName()).isEqualTo(DATABASE);
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://" + BUCKET + "/topics/" + name + "/");
        assertThat(table.storageDescriptor().columns())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        tuple("symbol", "string"),
                        tuple("exchange", "string"),
                        tuple("event_time", "timestamp"),
                        tuple("seq", "bigint"),
                        tuple("price", "double"),
                        tuple("size", "int"),
                        tuple("bid", "double"),
                        tuple("ask", "double"),
                        tuple("bid_size", "int"),
                        tuple("ask_size", "int"),
                        tuple("day_volume", "bigint"));
        assertThat(table.partitionKeys())
                .extracting(Column::name, Column::type)
                .containsExactly(tuple("dt", "string"), tuple("hour", "string"));
    }

    /**
     * One partition per hour of the topic's record timestamps, each read as the table reads its files, located
     * at its folder, which holds the files.
     */
    private static void assertPartitionsHoldTheTopicsHours(String name, String extension) {
        Set<List<String>> hours =
                TopicReader.readUncommitted(stack.broker().bootstrapServers())
                        .readAll(TICKS, Duration.ofSeconds(30))
                        .stream()
                        .map(record -> DtHour.of(record.timestamp()))
                        .collect(Collectors.toSet());
        assertThat(hours).hasSizeGreaterThan(1);
        Table table = catalog.table(DATABASE, name).orElseThrow();
        List<Partition> partitions = catalog.partitions(DATABASE, name);
        assertThat(partitions).extracting(Partition::values).containsExactlyInAnyOrderElementsOf(hours);
        for (Partition partition : partitions) {
            String folder = "topics/" + name + "/" + DtHour.path(partition.values()) + "/";
            StorageDescriptor sd = partition.storageDescriptor();
            assertThat(sd.location()).isEqualTo("s3://" + BUCKET + "/" + folder);
            assertThat(sd.serdeInfo()).isEqualTo(table.storageDescriptor().serdeInfo());
            assertThat(sd.inputFormat()).isEqualTo(table.storageDescriptor().inputFormat());
            assertThat(sd.outputFormat()).isEqualTo(table.storageDescriptor().outputFormat());
            assertThat(lake.keys(BUCKET, folder)).isNotEmpty().allMatch(key -> key.endsWith(extension));
        }
    }

    private static void produce(TickProducer producer, String topic, Instant hour, int firstSeq, int count) {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            producer.send(topic, 0, hour.plusSeconds(seq), "AAPL", seq);
        }
        producer.flush();
    }

    private static List<String> columnNames(Table table) {
        return table.storageDescriptor().columns().stream().map(Column::name).toList();
    }
}
