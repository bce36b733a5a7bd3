package io.stocklake.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.stack.AnalyticsProcess;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.KafkaRuntime;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The analytics end to end on the real parts, as a user deploys them: the tick source, the analytics application
 * (its own JVM, exactly_once_v2) killed with SIGKILL once it has written bars and started again, and the shipped sink
 * configurations landing the ticks ({@code s3-glue-sink.json}) and the bars and alerts
 * ({@code s3-glue-sink-analytics.json}) as Glue tables. {@link #run} returns once both sinks have committed
 * everything there is.
 */
final class AnalyticsPipeline {

    /** The unpacked analytics archive (the build sets it). */
    static final String ANALYTICS_HOME_PROPERTY = "stocklake.analytics.home";

    static final String TICKS = "stock-ticks";
    static final String BARS = "stock-bars-1m";
    static final String ALERTS = "stock-alerts";
    static final String DEAD_LETTERS = "stock-analytics-dlq";
    static final String TICKS_SINK = "stock-ticks-s3-glue-sink";
    static final String ANALYTICS_SINK = "stock-analytics-s3-glue-sink";

    static final Instant START = Instant.parse("2026-03-02T21:40:00Z");
    static final Duration SPAN = Duration.ofMinutes(30);
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "KO", "JPM");
    static final long TICKS_COUNT = 6_000;
    /** One tick per symbol at this time closes every minute before it; its own minute stays open. */
    static final Instant CLOSING = START.plus(SPAN).plus(Duration.ofMinutes(10));
    /** The closing tick of this symbol is quoted locked: an alert the test knows of. */
    static final String LOCKED_SYMBOL = "KO";

    /** A record of the tick topic that is not a tick: the analytics send it to their dead-letter topic. */
    static final String BAD_TICK = "{\"symbol\": \"AAPL\", \"price\": \"not a number\"}";

    static final String BAD_TICK_KEY = "AAPL";

    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineStack stack;
    private final URI glueEndpoint;

    AnalyticsPipeline(PipelineStack stack, URI glueEndpoint) {
        this.stack = stack;
        this.glueEndpoint = glueEndpoint;
    }

    /** What the run saw: the bars on the topic when the application was killed, and at the end. */
    record Run(long barsAtKill, long barsAtEnd, long alertsAtEnd) {}

    Run run(Path workDir) throws Exception {
        ConnectRest connect = stack.connect().rest();
        stack.s3().createBucket(SinkTable.BUCKET);
        try (Admin admin = admin()) {
            // Simulated event times lie months back and are the records' timestamps: keep them. The dead-letter topic
            // is
            // left to the application, which creates what is missing like the tick topic.
            admin.createTopics(List.of(TICKS, BARS, ALERTS).stream()
                            .map(topic ->
                                    new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))
                            .toList())
                    .all()
                    .get();

            connect.putConnector(TICKS_SINK, shippedSink("s3-glue-sink.json"));
            connect.putConnector(ANALYTICS_SINK, shippedSink("s3-glue-sink-analytics.json"));
            long barsAtKill;
            Path home =
                    Paths.get(System.getProperty(ANALYTICS_HOME_PROPERTY, "")).toAbsolutePath();
            try (AnalyticsProcess app = AnalyticsProcess.of(
                    home,
                    KafkaRuntime.fromSystemProperty(),
                    analyticsSettings(workDir),
                    workDir,
                    stack.logsDir().resolve("stock-analytics.log"))) {
                app.start();
                connect.putConnector("tick-source", sourceConfig());

                await("the analytics wrote a first bar", () -> endOffsetSum(admin, BARS) > 0, app);
                app.kill();
                barsAtKill = endOffsetSum(admin, BARS);
                app.start();

                await("the source wrote every tick", () -> endOffsetSum(admin, TICKS) >= TICKS_COUNT, app);
                sendClosingTicks();
                Map<TopicPartition, Long> ticksEnd = endOffsets(admin, TICKS);
                await(
                        "the analytics read every tick",
                        () -> committed(admin, "stock-analytics-it").entrySet().containsAll(ticksEnd.entrySet()),
                        app);
                // The consumer offsets are committed in the transaction of the results they produced: all bars are out.
                Map<TopicPartition, Long> resultsEnd = new HashMap<>(lastRecordEnds(BARS));
                resultsEnd.putAll(lastRecordEnds(ALERTS));
                await(
                        "the analytics sink committed every bar and alert",
                        () -> atLeast(committed(admin, "connect-" + ANALYTICS_SINK), resultsEnd, connect),
                        app);
                await(
                        "the ticks sink committed every tick",
                        () -> atLeast(committed(admin, "connect-" + TICKS_SINK), ticksEnd, connect),
                        app);
            }
            return new Run(barsAtKill, recordCount(BARS), recordCount(ALERTS));
        }
    }

    private Map<String, String> analyticsSettings(Path workDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("application.id", "stock-analytics-it");
        settings.put("bootstrap.servers", stack.broker().bootstrapServers());
        settings.put("state.dir", workDir.resolve("state").toString());
        // A killed member leaves the group only when its session times out: keep that short for the restart.
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1500");
        return settings;
    }

    private Map<String, String> sourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        // One task: its ticks reach each partition in event-time order. Tasks of an accelerated clock drift apart by
        // more than the grace within seconds, and a partition's stream time is that of its most advanced writer.
        config.put("tasks.max", "1");
        config.put("topic", TICKS);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("clock", "simulated");
        config.put("simulated.start", START.toString());
        // Half an hour of market in about twenty seconds: the kill lands while ticks still arrive.
        config.put("simulated.acceleration", "90");
        config.put("session.calendar", "24x7");
        config.put("session.zone", "UTC");
        config.put("ticks.per.second", Double.toString((double) TICKS_COUNT / SPAN.toSeconds()));
        config.put("max.ticks", Long.toString(TICKS_COUNT));
        config.put("symbols", String.join(",", SYMBOLS));
        config.put("seed", "20260302");
        return config;
    }

    /** A shipped sink document with what a local run adds: endpoints, credentials, small files often. */
    private Map<String, String> shippedSink(String file) throws IOException {
        Path path = Paths.get(System.getProperty("stocklake.connect.configs")).resolve(file);
        JsonNode config = JSON.readTree(path.toFile()).get("config");
        Map<String, String> c = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            c.put(field.getKey(), field.getValue().asText());
        }
        c.putAll(StackConfigs.localS3(stack));
        c.put("glue.endpoint.url", glueEndpoint.toString());
        c.put("glue.region", "us-east-1");
        c.put("flush.size", "1000");
        c.put("rotate.schedule.interval.ms", "2000");
        c.put("buffer.max.bytes", Long.toString(8L << 20));
        c.put("tasks.max", "1");
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        return c;
    }

    /** One tick per symbol at {@link #CLOSING}, written as the source writes ticks (JsonConverter, schema embedded). */
    private void sendClosingTicks() throws Exception {
        Path external =
                Paths.get(System.getProperty("stocklake.connect.configs")).resolve("s3-glue-sink-external-schema.json");
        JsonNode schema = JSON.readTree(JSON.readTree(external.toFile())
                .get("config")
                .get("value.converter.schema.content")
                .asText());
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TICKS, null, CLOSING.toEpochMilli(), BAD_TICK_KEY, BAD_TICK))
                    .get();
            for (String symbol : SYMBOLS) {
                double bid = 50.0;
                double ask = symbol.equals(LOCKED_SYMBOL) ? 50.0 : 50.01;
                ObjectNode envelope = JSON.createObjectNode();
                envelope.set("schema", schema);
                envelope.putObject("payload")
                        .put("symbol", symbol)
                        .put("exchange", "XNYS")
                        .put("event_time", CLOSING.toEpochMilli())
                        .put("seq", 1_000_000L)
                        .put("price", 50.0)
                        .put("size", 1)
                        .put("bid", bid)
                        .put("ask", ask)
                        .put("bid_size", 100)
                        .put("ask_size", 100)
                        .put("day_volume", 1L);
                producer.send(new ProducerRecord<>(
                                TICKS, null, CLOSING.toEpochMilli(), symbol, JSON.writeValueAsString(envelope)))
                        .get();
            }
        }
    }

    private void await(String what, BooleanSupplier condition, AnalyticsProcess app) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not done within " + TIMEOUT + ": " + what + "; see " + app.logFile());
            }
            if (!app.isAlive()) {
                throw new AssertionError("The analytics exited while waiting for: " + what + "; see " + app.logFile());
            }
            Thread.sleep(250);
        }
    }

    private static boolean atLeast(
            Map<TopicPartition, Long> committed, Map<TopicPartition, Long> wanted, ConnectRest connect) {
        for (String connector : List.of(TICKS_SINK, ANALYTICS_SINK)) {
            ConnectorStatus status = connect.status(connector);
            if (status.anyFailed()) {
                throw new AssertionError("Sink " + connector + " failed: " + status.failureTrace());
            }
        }
        return wanted.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /** Per partition, one past the offset of the last record a read_committed reader sees (markers excluded). */
    private Map<TopicPartition, Long> lastRecordEnds(String topic) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            ends.put(new TopicPartition(topic, partition), 0L);
        }
        for (ConsumerRecord<String, String> record : readCommitted(topic)) {
            ends.merge(new TopicPartition(topic, record.partition()), record.offset() + 1, Math::max);
        }
        return ends;
    }

    List<ConsumerRecord<String, String>> readCommitted(String topic) {
        return TopicReader.readCommitted(stack.broker().bootstrapServers()).readAll(topic, Duration.ofSeconds(60));
    }

    private long recordCount(String topic) {
        return readCommitted(topic).size();
    }

    private static long endOffsetSum(Admin admin, String topic) {
        return endOffsets(admin, topic).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the offsets of " + topic, e);
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()));
    }
}
