package io.stocklake.analytics;

import io.stocklake.analytics.config.AnalyticsConfig;
import io.stocklake.source.ticks.Tick;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The application's topology in a {@link TopologyTestDriver}, configured as a user would (the keys of {@link
 * AnalyticsConfig}), fed ticks as the source writes them, its results read the way the sink reads them: Kafka's
 * JsonConverter with schemas.
 */
final class AnalyticsDriver implements AutoCloseable {

    static final String TICKS = "ticks";
    static final String BARS = "bars";
    static final String ALERTS = "alerts";
    static final String DEAD_LETTERS = "dead-letters";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> ticks;
    private final TestOutputTopic<String, byte[]> bars;
    private final TestOutputTopic<String, byte[]> alerts;
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final JsonConverter sinkConverter = new JsonConverter();

    private AnalyticsDriver(AnalyticsConfig config) {
        Properties properties = config.streamsProperties();
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(AnalyticsTopology.build(config), properties);
        ticks = driver.createInputTopic(TICKS, new StringSerializer(), new ByteArraySerializer());
        bars = driver.createOutputTopic(BARS, new StringDeserializer(), new ByteArrayDeserializer());
        alerts = driver.createOutputTopic(ALERTS, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
        sinkConverter.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
    }

    /** With the defaults but for the given keys. */
    static AnalyticsDriver start(Map<String, String> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stock-analytics-spec");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(AnalyticsConfig.TICKS_TOPIC, TICKS);
        config.put(AnalyticsConfig.BARS_TOPIC, BARS);
        config.put(AnalyticsConfig.ALERTS_TOPIC, ALERTS);
        config.put(AnalyticsConfig.DEAD_LETTER_TOPIC, DEAD_LETTERS);
        config.putAll(settings);
        return new AnalyticsDriver(new AnalyticsConfig(config));
    }

    static AnalyticsDriver start() {
        return start(Map.of());
    }

    /** A tick as the source writes it: keyed by symbol, schema embedded, stamped with its event time. */
    void send(Tick tick) {
        send(tick.symbol(), SourceTicks.withSchema(tick), tick.eventTimeMillis());
    }

    void sendAll(List<Tick> ticks) {
        ticks.forEach(this::send);
    }

    void send(String key, byte[] value, long timestamp) {
        ticks.pipeInput(key, value, timestamp);
    }

    /** The bars written since the last call, with their keys and timestamps. */
    List<TestRecord<String, BarRow>> barRecords() {
        return bars.readRecordsToList().stream()
                .map(r -> new TestRecord<>(r.key(), BarRow.of(read(BARS, r.value())), r.headers(), r.timestamp()))
                .toList();
    }

    /** The bars written since the last call. */
    List<BarRow> bars() {
        return barRecords().stream().map(TestRecord::value).toList();
    }

    /** The alerts written since the last call, with their keys and timestamps. */
    List<TestRecord<String, AlertRow>> alertRecords() {
        return alerts.readRecordsToList().stream()
                .map(r -> new TestRecord<>(r.key(), AlertRow.of(read(ALERTS, r.value())), r.headers(), r.timestamp()))
                .toList();
    }

    List<AlertRow> alerts() {
        return alertRecords().stream().map(TestRecord::value).toList();
    }

    List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** Kafka Streams' own count of records dropped by this task, late ticks among them (JMX: dropped-records). */
    double droppedRecords() {
        return driver.metrics().values().stream()
                .filter(m -> m.metricName().name().equals("dropped-records-total")
                        && m.metricName().group().equals("stream-task-metrics"))
                .mapToDouble(m -> ((Number) ((KafkaMetric) m).metricValue()).doubleValue())
                .sum();
    }

    private Struct read(String topic, byte[] value) {
        return (Struct) sinkConverter.toConnectData(topic, value).value();
    }

    @Override
    public void close() {
        driver.close();
        sinkConverter.close();
    }
}
