package io.stocklake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.CatalogReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The sink behind Apicurio Registry's own Kafka Connect converter: records produced with the registry's Avro
 * serializer, read by its AvroConverter in the Connect cluster (loaded from plugin.path), written as Parquet and
 * registered in Glue, and read back through Trino.
 */
class ApicurioAvroSinkIT {

    private static final String BUCKET = "registry-lake";
    private static final String DATABASE = "registry";
    private static final String AVRO_CONVERTER = "io.apicurio.registry.utils.converter.AvroConverter";
    private static final Instant FIRST_TRADE = Instant.parse("2026-11-24T14:00:00.125Z");
    private static final String COLUMNS = "symbol, CAST(price AS varchar), CAST(traded_at AS varchar), received_at,"
            + " CAST(trade_date AS varchar), venue.mic, venue.lot";

    /**
     * Apicurio's converter jar declares no ServiceLoader manifest, so the workers also scan plugin.path
     * ({@code hybrid_warn}, Connect's default) rather than only loading manifests.
     */
    static final PipelineStack stack = PipelineStack.builder()
            .workers(1)
            .workerConfig("plugin.discovery", "hybrid_warn")
            .withGlue()
            .build();

    @RegisterExtension
    @Order(1)
    static final RegistryServer registry = new RegistryServer();

    @RegisterExtension
    @Order(2)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(3)
    static final TrinoLake lake = new TrinoLake(stack);

    @BeforeAll
    static void bucket() {
        stack.s3().createBucket(BUCKET);
    }

    @Test
    void avroLogicalTypesAndNestedRecordsReadBackThroughTrino() {
        String topic = "avro_trades";
        List<Trade> trades = Trade.sample(6, FIRST_TRADE, null);
        startSink(topic, avroSink(topic, trades.size()));

        produceAvro(topic, AvroTrades.V1, trades);

        List<List<Object>> rows = lake.awaitRows(
                DATABASE, topic, trades.size(), "SELECT " + COLUMNS + " FROM " + table(topic) + " ORDER BY symbol");
        List<List<Object>> expected = new ArrayList<>();
        for (Trade trade : trades.stream()
                .sorted((a, b) -> a.symbol().compareTo(b.symbol()))
                .toList()) {
            expected.add(List.of(
                    trade.symbol(),
                    trade.price().toPlainString(),
                    trade.tradedAtText(),
                    trade.receivedAtMicros(),
                    trade.tradeDate().toString(),
                    trade.venueMic(),
                    trade.venueLot()));
        }
        assertThat(rows).isEqualTo(expected);
        assertThat(columnTypes(topic))
                .containsEntry("price", "decimal(12,4)")
                .containsEntry("traded_at", "timestamp")
                .containsEntry("received_at", "bigint")
                .containsEntry("trade_date", "date")
                .containsEntry("venue", "struct<mic:string,lot:int>");
    }

    @Test
    void anOptionalFieldAddedMidStreamBecomesAColumnThatOldRowsReadAsNull() {
        String topic = "avro_trades_evolving";
        List<Trade> before = Trade.sample(4, FIRST_TRADE, null);
        List<Trade> after = Trade.sample(4, FIRST_TRADE.plus(Duration.ofMinutes(10)), "NASDAQ");
        startSink(topic, avroSink(topic, 4));

        produceAvro(topic, AvroTrades.V1, before);
        lake.awaitRows(DATABASE, topic, before.size(), "SELECT 1");
        assertThat(columnTypes(topic)).doesNotContainKey("exchange");

        produceAvro(topic, AvroTrades.V2, after);
        List<List<Object>> rows = lake.awaitRows(
                DATABASE,
                topic,
                before.size() + after.size(),
                "SELECT CAST(traded_at AS varchar), exchange FROM " + table(topic) + " ORDER BY traded_at");

        assertThat(columnTypes(topic)).containsEntry("exchange", "string");
        List<List<Object>> expected = new ArrayList<>();
        for (Trade trade : before) {
            expected.add(java.util.Arrays.asList(trade.tradedAtText(), null));
        }
        for (Trade trade : after) {
            expected.add(List.of(trade.tradedAtText(), "NASDAQ"));
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void tradesThroughTheRegistryLandAsTheSameTradesThroughJson() {
        String avroTopic = "registry_ticks";
        String jsonTopic = "json_ticks";
        List<Trade> trades = Trade.sample(6, FIRST_TRADE, null);
        startSink(avroTopic, avroSink(avroTopic, trades.size()));
        Map<String, String> json = sink(jsonTopic, trades.size());
        json.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        json.put("value.converter.schemas.enable", "true");
        startSink(jsonTopic, json);

        produceAvro(avroTopic, AvroTrades.V1, trades);
        JsonTrades jsonTrades = new JsonTrades();
        try (KafkaProducer<String, byte[]> producer = producer(new ByteArraySerializer())) {
            for (Trade trade : trades) {
                producer.send(new ProducerRecord<>(jsonTopic, trade.symbol(), jsonTrades.serialize(jsonTopic, trade)));
            }
        }

        String select = "SELECT * FROM %s ORDER BY symbol";
        List<List<Object>> throughRegistry =
                lake.awaitRows(DATABASE, avroTopic, trades.size(), select.formatted(table(avroTopic)));
        List<List<Object>> throughJson =
                lake.awaitRows(DATABASE, jsonTopic, trades.size(), select.formatted(table(jsonTopic)));
        assertThat(throughRegistry).hasSize(trades.size()).isEqualTo(throughJson);
        assertThat(columnTypes(avroTopic)).isEqualTo(columnTypes(jsonTopic));
    }

    private static String table(String topic) {
        return DATABASE + "." + topic;
    }

    /** A Parquet sink of {@code topic}, its files cut every {@code flushSize} records, partitioned by trade time. */
    private static Map<String, String> sink(String topic, int flushSize) {
        Map<String, String> config = new HashMap<>(StackConfigs.sink(stack, topic, BUCKET, DATABASE, "parquet"));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("partition.time.source", "field");
        config.put("partition.time.field", "traded_at");
        config.put("flush.size", String.valueOf(flushSize));
        return config;
    }

    private static Map<String, String> avroSink(String topic, int flushSize) {
        Map<String, String> config = sink(topic, flushSize);
        config.put("value.converter", AVRO_CONVERTER);
        config.put("value.converter." + SerdeConfig.REGISTRY_URL, registry.apiUrl());
        return config;
    }

    private static void startSink(String name, Map<String, String> config) {
        stack.broker().createTopicIfAbsent(config.get("topics"), 1);
        stack.connect().rest().putConnector(name, config);
        stack.connect().rest().awaitRunning(name, 1, Duration.ofSeconds(60));
    }

    /**
     * Registers {@code schema} (its nested record inline) as the newest version of the topic's value artifact
     * ({@code <topic>-value}, as the serializer's default strategy names it), then produces {@code trades} with it.
     * The 2.4 serializer, left to register schemas itself, registers a nested record as an artifact of its own that
     * the outer schema references, and the same version's converter cannot resolve such references; so the
     * producers look the newest version up instead.
     */
    private static void produceAvro(String topic, Schema schema, List<Trade> trades) {
        registry.registerAvro(topic + "-value", schema.toString());
        try (KafkaProducer<String, Object> producer = producer(new AvroKafkaSerializer<GenericRecord>())) {
            for (Trade trade : trades) {
                producer.send(new ProducerRecord<>(topic, trade.symbol(), AvroTrades.record(schema, trade)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serializer<?> values) {
        Map<String, Object> config = new HashMap<>(stack.broker().clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(SerdeConfig.REGISTRY_URL, registry.apiUrl());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, false);
        config.put(SerdeConfig.FIND_LATEST_ARTIFACT, true);
        org.apache.kafka.common.serialization.Serializer<V> serializer =
                (org.apache.kafka.common.serialization.Serializer<V>) values;
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    private static Map<String, String> columnTypes(String table) {
        try (CatalogReader catalog = new CatalogReader(stack.glue().uri())) {
            Map<String, String> types = new HashMap<>();
            for (Column column : catalog.table(DATABASE, table)
                    .orElseThrow()
                    .storageDescriptor()
                    .columns()) {
                types.put(column.name(), column.type());
            }
            return types;
        }
    }
}
