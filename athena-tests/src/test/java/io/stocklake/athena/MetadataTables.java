package io.stocklake.athena;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * Two small pipelines beside the tick matrix, on its stack. Keyed ticks with headers and one tombstone, written with
 * embedded schemas, land with every Kafka metadata column in one table per format. Schemaless JSON ticks land in a
 * Parquet table created beforehand, as a user creates it in Athena, whose columns give them their types; a tick
 * whose price is no number goes to the dead letter queue.
 */
final class MetadataTables {

    static final String KEYED_TOPIC = "athena-keyed-ticks";
    static final String SCHEMALESS_TOPIC = "athena-schemaless-ticks";
    static final String SCHEMALESS_TABLE = "schemaless_ticks";
    static final String DLQ = SCHEMALESS_TOPIC + "-dlq";
    static final List<String> FORMATS = List.of("json", "csv", "parquet");
    /** Keyed ticks per symbol; AAPL's partition ends with its tombstone. */
    static final int TICKS_PER_SYMBOL = 5;

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration SINK_TIMEOUT = Duration.ofSeconds(180);
    private static final String TICK_SCHEMA = "{\"type\":\"struct\",\"name\":\"Tick\",\"fields\":["
            + "{\"field\":\"symbol\",\"type\":\"string\"},{\"field\":\"seq\",\"type\":\"int64\"},"
            + "{\"field\":\"price\",\"type\":\"double\"}]}";

    private MetadataTables() {}

    static String keyedTable(String format) {
        return "keyed_ticks_" + format;
    }

    /** Writes both topics, runs the sinks and returns once each has committed its whole topic. */
    static void write(PipelineStack stack, URI glueEndpoint, GlueClient glue) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(KEYED_TOPIC, 2, (short) 1).configs(Map.of("retention.ms", "-1")),
                            new NewTopic(SCHEMALESS_TOPIC, 1, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();
            createSchemalessTable(glue);
            produce(stack);
            ConnectRest connect = stack.connect().rest();
            for (String format : FORMATS) {
                Map<String, String> config = sink(stack, glueEndpoint, KEYED_TOPIC, keyedTable(format), format);
                config.put("kafka.metadata.columns", "topic,partition,offset,timestamp,key,headers");
                config.put("behavior.on.null.values", "write");
                connect.putConnector(keyedTable(format).replace('_', '-'), config);
            }
            Map<String, String> schemaless = sink(stack, glueEndpoint, SCHEMALESS_TOPIC, SCHEMALESS_TABLE, "parquet");
            schemaless.put("value.converter.schemas.enable", "false");
            schemaless.put("errors.tolerance", "all");
            schemaless.put("errors.deadletterqueue.topic.name", DLQ);
            schemaless.put("errors.deadletterqueue.topic.replication.factor", "1");
            connect.putConnector(SCHEMALESS_TABLE.replace('_', '-'), schemaless);
            for (String format : FORMATS) {
                awaitCommitted(admin, keyedTable(format).replace('_', '-'), KEYED_TOPIC, 2);
            }
            awaitCommitted(admin, SCHEMALESS_TABLE.replace('_', '-'), SCHEMALESS_TOPIC, 1);
        }
    }

    private static void produce(PipelineStack stack) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int seq = 0; seq < TICKS_PER_SYMBOL; seq++) {
                for (String symbol : List.of("AAPL", "MSFT")) {
                    String payload =
                            "{\"symbol\":\"" + symbol + "\",\"seq\":" + seq + ",\"price\":" + (100 + seq) + ".5}";
                    ProducerRecord<String, String> tick = new ProducerRecord<>(
                            KEYED_TOPIC,
                            partitionOf(symbol),
                            START.plusSeconds(seq).toEpochMilli(),
                            symbol,
                            "{\"schema\":" + TICK_SCHEMA + ",\"payload\":" + payload + "}");
                    tick.headers().add("source", ("feed-" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    producer.send(tick);
                }
            }
            producer.send(new ProducerRecord<>(
                    KEYED_TOPIC, partitionOf("AAPL"), START.plusSeconds(60).toEpochMilli(), "AAPL", (String) null));
            producer.send(new ProducerRecord<>(
                    SCHEMALESS_TOPIC,
                    0,
                    START.toEpochMilli(),
                    null,
                    "{\"symbol\":\"AAPL\",\"price\":101.25,\"at\":\"2026-03-02T10:00:00Z\",\"venue\":\"XNAS\"}"));
            producer.send(new ProducerRecord<>(
                    SCHEMALESS_TOPIC, 0, START.toEpochMilli(), null, "{\"symbol\":\"BAD\",\"price\":\"n/a\"}"));
            producer.send(new ProducerRecord<>(
                    SCHEMALESS_TOPIC,
                    0,
                    START.toEpochMilli(),
                    null,
                    "{\"SYMBOL\":\"MSFT\",\"price\":7,\"at\":1772445601000}"));
            producer.flush();
        }
    }

    static int partitionOf(String symbol) {
        return symbol.equals("AAPL") ? 0 : 1;
    }

    /** As a user creates it in Athena: Parquet, partitioned by dt and hour, no column for the producers' venue. */
    private static void createSchemalessTable(GlueClient glue) {
        glue.createTable(r -> r.databaseName(SinkTable.DATABASE)
                .tableInput(t -> t.name(SCHEMALESS_TABLE)
                        .tableType("EXTERNAL_TABLE")
                        .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE"))
                        .partitionKeys(
                                Column.builder().name("dt").type("string").build(),
                                Column.builder().name("hour").type("string").build())
                        .storageDescriptor(
                                sd -> sd.location("s3://" + SinkTable.BUCKET + "/topics/" + SCHEMALESS_TABLE + "/")
                                        .columns(
                                                Column.builder()
                                                        .name("symbol")
                                                        .type("string")
                                                        .build(),
                                                Column.builder()
                                                        .name("price")
                                                        .type("double")
                                                        .build(),
                                                Column.builder()
                                                        .name("at")
                                                        .type("timestamp")
                                                        .build())
                                        .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                                        .serdeInfo(si -> si.serializationLibrary(
                                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")))));
    }

    private static Map<String, String> sink(
            PipelineStack stack, URI glueEndpoint, String topic, String table, String format) {
        Map<String, String> config = new SinkTable(format, "none", false)
                .connectorConfig(topic, stack.s3().endpoint(), S3Server.ACCESS_KEY, S3Server.SECRET_KEY, glueEndpoint);
        config.put("table.name", table);
        config.put("compression", "none");
        config.put("flush.size", "4");
        config.put("rotate.schedule.interval.ms", "1000");
        return config;
    }

    private static void awaitCommitted(Admin admin, String connector, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Instant deadline = Instant.now().plus(SINK_TIMEOUT);
        Map<TopicPartition, Long> committed = Map.of();
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata()
                    .get();
            committed = offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
            if (committed.equals(end)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "Sink " + connector + " committed " + committed + " of " + end + " within " + SINK_TIMEOUT);
    }
}
