package io.stocklake.compaction.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.trino.AccessKeys;
import io.stocklake.trino.TrinoEngine;
import io.stocklake.trino.TrinoEngineConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The pipeline with compaction on the real parts: the tick source, the sink landing Parquet hourly partitions in
 * S3Proxy and the Glue endpoint, the compaction connector in the same Connect cluster, and Trino reading through
 * Glue as Athena does. The tests run in order on one stack: the lake before compaction, compaction swapping the
 * closed hours and the open one while a query loop counts, late ticks into a compacted hour read at once, the open
 * hour compacted again while ticks keep arriving, and a worker killed mid-compaction.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompactionIT {

    static final PipelineStack STACK =
            PipelineStack.builder().workers(1).withGlue().build();

    @RegisterExtension
    static final StackLifecycle LIFECYCLE = new StackLifecycle(STACK);

    private static final String TOPIC = "compaction-ticks";
    private static final String BUCKET = "stock-lake";
    private static final String DATABASE = "market";
    private static final String TABLE = "ticks";
    private static final String SINK = "ticks-sink";
    private static final String COMPACTION = "ticks-compaction";
    /** 3 h 20 min of ticks from midnight: hours 00 to 02 close, hour 03 stays open. */
    private static final int TICKS = 12_000;

    private static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
    private static final Duration SPAN = Duration.ofMinutes(200);
    private static final List<String> CLOSED = List.of("00", "01", "02");
    private static final List<String> HOURS = List.of("00", "01", "02", "03");
    private static final Duration RETENTION_GRACE = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CompletableFuture<TrinoEngine> trino;
    private static GlueClient glue;
    private static S3Client s3;
    private static Admin admin;
    private static List<ConsumerRecord<String, String>> produced;
    /** Ticks in the topic: the source's, then the late ones the tests add. */
    private static long expected = TICKS;

    private static Map<String, Long> objectsBefore;

    @BeforeAll
    static void runPipeline() throws Exception {
        AccessKeys keys = new AccessKeys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
        trino = CompletableFuture.supplyAsync(() -> TrinoEngine.start(
                TrinoEngineConfig.of(STACK.s3().endpoint(), keys, STACK.glue().uri(), keys)));
        glue = GlueClient.builder()
                .endpointOverride(STACK.glue().uri())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
        s3 = STACK.s3().client();
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.broker().bootstrapServers()));
        STACK.s3().createBucket(BUCKET);
        // Record times lie in the past: without retention -1 the broker would delete the ticks at once.
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1).configs(Map.of("retention.ms", "-1"))))
                .all()
                .get();
        ConnectRest connect = STACK.connect().rest();
        Map<String, String> source = StackConfigs.simulatedTicks(
                TOPIC, "AAPL,MSFT,NVDA", TICKS, START.toString(), (double) TICKS / SPAN.toSeconds(), 0);
        source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        source.put("value.converter.schemas.enable", "true");
        connect.putConnector("ticks-source", source);
        Map<String, String> sink = StackConfigs.sink(STACK, TOPIC, BUCKET, DATABASE, "parquet");
        sink.put("table.name", TABLE);
        sink.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        sink.put("value.converter.schemas.enable", "true");
        sink.put("partition.time.source", "record");
        // Small files, as 10 s rotation makes them: about 15 per hour and Kafka partition.
        sink.put("flush.size", "150");
        sink.put("rotate.schedule.interval.ms", "2000");
        // Every partition is looked up again at its next file, as after the cache TTL in a long run.
        sink.put("glue.partition.cache.ttl.ms", "0");
        connect.putConnector(SINK, sink);
        awaitTopicEnd(TICKS);
        produced =
                TopicReader.readUncommitted(STACK.broker().bootstrapServers()).readAll(TOPIC, Duration.ofSeconds(60));
        awaitSinkCommitted();
    }

    @AfterAll
    @SuppressWarnings("try")
    static void stop() {
        TrinoEngine engine =
                trino == null ? null : trino.exceptionally(e -> null).join();
        try (TrinoEngine t = engine;
                GlueClient g = glue;
                S3Client s = s3;
                Admin a = admin) {
            // closed in reverse order
        }
    }

    @Test
    @Order(1)
    void beforeCompactionEveryTickIsReadOnceFromManySmallFiles() {
        assertEveryTickOnce();
        objectsBefore = objectsPerHour();
        assertThat(objectsBefore.keySet()).containsExactly("00", "01", "02", "03");
        assertThat(CLOSED).allMatch(hour -> objectsBefore.get(hour) >= 20);
    }

    @Test
    @Order(2)
    void compactionSwapsTheClosedHoursWhileEveryQueryCountsEveryTickOnce() throws Exception {
        QueryLoop loop = QueryLoop.start(trino());

        STACK.connect().rest().putConnector(COMPACTION, compaction());
        await(
                "closed hours and the open one compacted",
                () -> HOURS.stream().allMatch(h -> location(h).contains("/_compacted/")));
        loop.awaitMoreQueries(3);
        List<Long> counts = loop.stop();

        assertThat(counts).hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c == expected);
        assertThat(loop.failures()).isEmpty();
        assertEveryTickOnce();
        Map<String, Long> after = objectsPerHour();
        for (String hour : CLOSED) {
            assertThat(after.get(hour))
                    .as("objects of hour %s, %d before", hour, objectsBefore.get(hour))
                    .isLessThanOrEqualTo(2);
        }
        // The open hour: its landed files folded, the newest batch of each Kafka partition as the sink wrote it.
        assertThat(after.get("03")).isLessThanOrEqualTo(2 + 2).isLessThan(objectsBefore.get("03"));
        System.out.println(String.format(
                "Objects per hour before compaction %s, after %s; %d queries during it",
                objectsBefore, after, counts.size()));
        // Once the grace has passed, the sink's files of compacted hours are gone.
        await(
                "replaced files deleted",
                () -> CLOSED.stream().allMatch(h -> sinkFiles(h).isEmpty()));
        assertEveryTickOnce();
    }

    @Test
    @Order(3)
    void lateTicksIntoACompactedHourAreQueryableOnceAtOnce() throws Exception {
        ConnectRest connect = STACK.connect().rest();
        // No compaction pass runs while the late ticks land: they are read through the generation readers see.
        connect.pause(COMPACTION);
        await(
                "compaction paused",
                () -> connect.status(COMPACTION).tasks().stream().allMatch(t -> "PAUSED".equals(t.state())));
        String compacted = location("01");

        int late = produceLate("01", 40);

        assertEveryTickOnce();
        assertThat(location("01")).isEqualTo(compacted);
        assertThat(late).isEqualTo(40);
        connect.resume(COMPACTION);
    }

    @Test
    @Order(4)
    void theOpenHourIsCompactedAgainWhileTicksKeepArrivingAndEveryQueryCountsThemOnce() throws Exception {
        String open = location("03");
        String late = location("01");
        long before = expected;
        QueryLoop loop = QueryLoop.start(trino());

        // Batches into the open hour, each waited for until committed, while passes fold the landed ones.
        for (int batch = 0; batch < 4; batch++) {
            produceLate("03", 100);
        }
        await(
                "the open hour and the late ticks folded into later generations",
                () -> !location("03").equals(open) && !location("01").equals(late));
        loop.awaitMoreQueries(3);
        List<Long> counts = loop.stop();

        assertThat(loop.failures()).isEmpty();
        assertThat(counts).allMatch(c -> c >= before && c <= expected);
        assertThat(counts).isSorted();
        assertEveryTickOnce();
        assertThat(objectsPerHour().get("03")).isLessThanOrEqualTo(2 + 2 + 2);
    }

    @Test
    @Order(5)
    void aWorkerKilledWhileAHourIsCompactedRecoversWithNothingLostDoubledOrLeftBehind() throws Exception {
        ConnectRest connect = STACK.connect().rest();
        // Paused while the late ticks land, so that the next pass has all three hours to compact.
        connect.pause(COMPACTION);
        for (String hour : CLOSED) {
            produceLate(hour, 300);
        }
        // Ticks of the open hour after them: the boundary logs then record the late batches as landed.
        produceLate("03", 20);
        connect.resume(COMPACTION);
        boolean killedMidCompaction = awaitPendingClaim(Duration.ofSeconds(60));
        STACK.connect().worker(0).kill();
        STACK.connect().worker(0).restart();
        STACK.connect().rest().awaitRunning(COMPACTION, 1, TIMEOUT);

        await("every tick queryable once again", () -> count() == expected);
        await("no claim left", () -> CLOSED.stream().noneMatch(CompactionIT::pending));
        assertEveryTickOnce();
        assertThat(killedMidCompaction)
                .as("the worker was killed while a claim was open")
                .isTrue();
        await("nothing left behind", () -> CLOSED.stream().allMatch(CompactionIT::onlyCurrentGeneration));
    }

    private static Map<String, String> compaction() {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.stocklake.compaction.CompactionSourceConnector");
        c.put("tasks.max", "1");
        c.putAll(StackConfigs.localEndpoints(STACK));
        c.put("s3.bucket.name", BUCKET);
        c.put("glue.database", DATABASE);
        c.put("compaction.tables", TABLE);
        c.put("compaction.interval.ms", "1000");
        c.put("compaction.closed.grace.ms", "0");
        c.put("compaction.retention.grace.ms", Long.toString(RETENTION_GRACE.toMillis()));
        c.put("compaction.claim.timeout.ms", "5000");
        c.put("compaction.open.min.files", "3");
        return c;
    }

    // --- what Trino reads through Glue

    private static TrinoEngine trino() {
        return trino.join();
    }

    private static long count() {
        return ((Number) trino().query("SELECT count(*) FROM " + DATABASE + "." + TABLE)
                        .onlyValue())
                .longValue();
    }

    /** Trino reads as many ticks as the topic holds, each (symbol, seq) once. */
    private static void assertEveryTickOnce() {
        List<Object> row = trino().query("SELECT count(*), count(DISTINCT symbol || '#' || CAST(seq AS varchar)) FROM "
                        + DATABASE + "." + TABLE)
                .rows()
                .get(0);
        assertThat(((Number) row.get(0)).longValue()).as("ticks read").isEqualTo(expected);
        assertThat(((Number) row.get(1)).longValue()).as("distinct ticks read").isEqualTo(expected);
    }

    /** Objects Trino reads per hour of the day. */
    private static Map<String, Long> objectsPerHour() {
        Map<String, Long> objects = new java.util.TreeMap<>();
        for (List<Object> row : trino().query(
                        "SELECT hour, count(DISTINCT \"$path\") FROM " + DATABASE + "." + TABLE + " GROUP BY hour")
                .rows()) {
            objects.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return objects;
    }

    /** Queries count(*) in a loop on a thread of its own until stopped. */
    private static final class QueryLoop {
        private final List<Long> counts = new CopyOnWriteArrayList<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static QueryLoop start(TrinoEngine trino) {
            QueryLoop loop = new QueryLoop();
            loop.thread = new Thread(
                    () -> {
                        while (loop.running.get()) {
                            try {
                                loop.counts.add(count());
                            } catch (RuntimeException e) {
                                loop.failures.add(e.toString());
                            }
                        }
                    },
                    "query-loop");
            loop.thread.start();
            return loop;
        }

        void awaitMoreQueries(int more) {
            int target = counts.size() + more;
            await("more queries", () -> counts.size() >= target);
        }

        List<Long> stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return List.copyOf(counts);
        }

        List<String> failures() {
            return failures;
        }
    }

    // --- the lake and the catalog

    private static String location(String hour) {
        Partition partition = glue.getPartition(
                        r -> r.databaseName(DATABASE).tableName(TABLE).partitionValues("2026-11-24", hour))
                .partition();
        return partition.storageDescriptor().location();
    }

    private static String folder(String hour) {
        return "topics/" + TABLE + "/dt=2026-11-24/hour=" + hour + "/";
    }

    private static List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix)).contents()) {
            keys.add(object.key());
        }
        return keys;
    }

    private static List<String> sinkFiles(String hour) {
        return keys(folder(hour)).stream()
                .filter(k -> !k.startsWith(folder(hour) + "_compacted/"))
                .toList();
    }

    private static JsonNode state(String hour) {
        try {
            return JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(folder(hour) + "_compacted/state.json"))
                    .asByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean pending(String hour) {
        JsonNode pending = state(hour).get("pending");
        return pending != null && !pending.isNull();
    }

    /** The hour's folder holds its state and the files of the generation Glue points at, nothing else. */
    private static boolean onlyCurrentGeneration(String hour) {
        String location = location(hour);
        String current = location.substring(("s3://" + BUCKET + "/").length());
        return keys(folder(hour)).stream()
                .allMatch(k -> k.startsWith(current) || k.equals(folder(hour) + "_compacted/state.json"));
    }

    /** True once a compaction claim is seen open (checked as often as S3 answers); false at the timeout. */
    private static boolean awaitPendingClaim(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String hour : CLOSED) {
                if (pending(hour)) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- Kafka

    /**
     * Copies of {@code count} ticks of {@code hour}, as late ticks of that hour: same record time, sequence numbers
     * past any the source wrote. Waits until the sink has committed them.
     */
    private static int produceLate(String hour, int count) throws Exception {
        List<ConsumerRecord<String, String>> ofHour = produced.stream()
                .filter(r -> Instant.ofEpochMilli(r.timestamp()).toString().startsWith("2026-11-24T" + hour))
                .limit(count)
                .toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> record : ofHour) {
                ObjectNode value = (ObjectNode) JSON.readTree(record.value());
                ObjectNode payload = (ObjectNode) value.get("payload");
                payload.put("seq", payload.get("seq").asLong() + 1_000_000L * (expected + 1));
                producer.send(new ProducerRecord<>(
                                TOPIC,
                                record.partition(),
                                record.timestamp(),
                                record.key(),
                                JSON.writeValueAsString(value)))
                        .get();
            }
        }
        expected += ofHour.size();
        awaitTopicEnd(expected);
        awaitSinkCommitted();
        return ofHour.size();
    }

    private static void awaitTopicEnd(long records) {
        await(
                "ticks in the topic",
                () -> endOffsets().values().stream().mapToLong(Long::longValue).sum() >= records);
    }

    private static void awaitSinkCommitted() {
        Map<TopicPartition, Long> end = endOffsets();
        await("sink committed", () -> {
            if (STACK.connect().rest().status(SINK).anyFailed()) {
                throw new AssertionError(
                        "sink failed: " + STACK.connect().rest().status(SINK).failureTrace());
            }
            return committed().equals(end);
        });
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> latest = Map.of(
                    new TopicPartition(TOPIC, 0),
                    OffsetSpec.latest(),
                    new TopicPartition(TOPIC, 1),
                    OffsetSpec.latest());
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + SINK)
                    .partitionsToOffsetAndMetadata()
                    .get();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    committed.put(tp, o.offset());
                }
            });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + TIMEOUT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted", e);
            }
        }
    }
}
