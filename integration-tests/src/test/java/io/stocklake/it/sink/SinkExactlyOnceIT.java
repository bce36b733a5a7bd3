package io.stocklake.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectWorker;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import io.stocklake.stack.SinkGroupOffsets;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once files while workers die: records keep flowing into a sink with several tasks, flush.size and a
 * wall-clock schedule (whose cuts replays must find in the boundary markers), and workers are SIGKILLed at
 * random moments and restarted. Every (partition, offset) must end up in exactly one object, and the offsets
 * Connect committed must never run ahead of what is in S3.
 */
class SinkExactlyOnceIT {

    private static final String TOPIC = "eos-trades";
    private static final String BUCKET = "exactly-once";
    private static final String PREFIX = "topics/eos_trades/";
    private static final int PARTITIONS = 6;
    private static final int KILLS = 3;

    static final PipelineStack stack = PipelineStack.builder().workers(2).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    /** Where each produced trade landed: id to (partition, offset), filled by the producer's callbacks. */
    private final Map<String, long[]> placed = new ConcurrentHashMap<>();

    private final List<String> violations = new ArrayList<>();
    private final Map<LakeObject, LakeFile> read = new HashMap<>();

    @Test
    void everyOffsetLandsInExactlyOneObjectAcrossWorkerKills() throws Exception {
        stack.s3().createBucket(BUCKET);
        stack.broker().createTopic(TOPIC, PARTITIONS);
        S3Lake lake = new S3Lake(stack.s3().client(), BUCKET);
        Map<String, String> config = SinkConfigs.forTopic(stack, TOPIC, BUCKET);
        config.put("tasks.max", "3");
        config.put("flush.size", "400");
        config.put("rotate.schedule.interval.ms", "2000");
        stack.connect().rest().putConnector("eos-sink", config);
        stack.connect().rest().awaitRunning("eos-sink", 3, Duration.ofSeconds(60));

        Random random = new Random(20261124L);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produceUntilStopped(producing), "trade-producer");
        producer.start();
        try (Admin admin = stack.broker().admin()) {
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            for (int kill = 0; kill < KILLS; kill++) {
                LakeWait.sleep(Duration.ofMillis(2_000 + random.nextInt(4_000)));
                ConnectWorker victim = stack.connect().worker(random.nextInt(2));
                victim.kill();
                // The victim's partitions are frozen now: nothing writes or commits them until reassignment.
                checkCommittedOffsetsAreInS3(offsets, lake, "after kill " + (kill + 1) + " of " + victim.id());
                LakeWait.sleep(Duration.ofMillis(500 + random.nextInt(2_500)));
                victim.start();
            }
            LakeWait.sleep(Duration.ofSeconds(3));
            producing.set(false);
            producer.join();

            long total = placed.size();
            awaitCommitted(offsets, total, Duration.ofSeconds(120));
            checkCommittedOffsetsAreInS3(offsets, lake, "at the end");

            List<LakeFile> files = LakeFile.readAll(lake, PREFIX);
            Map<String, Integer> copies = new HashMap<>();
            files.forEach(f -> f.trades().forEach(t -> copies.merge(t.id(), 1, Integer::sum)));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(placed.keySet());
            assertThat(copies)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            assertThat(files)
                    .allSatisfy(f -> assertThat(placed.get(f.trades().get(0).id())[1])
                            .as(f.object().key())
                            .isEqualTo(f.object().startOffset()));
            assertThat(total).isGreaterThan(5_000);
        }
        assertThat(violations).isEmpty();
    }

    /** Produces trades in batches at a steady pace, remembering each one's place. */
    private void produceUntilStopped(AtomicBoolean producing) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        Instant start = Instant.now().minus(Duration.ofDays(1));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            int batch = 0;
            while (producing.get()) {
                List<Trade> trades = Trade.series(
                        "b" + batch,
                        100,
                        start.plusSeconds(batch * 50L),
                        500,
                        List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM"),
                        batch);
                for (Trade trade : trades) {
                    producer.send(
                            new ProducerRecord<>(
                                    TOPIC, null, trade.eventTime().toEpochMilli(), trade.symbol(), trade.connectJson()),
                            (metadata, error) -> {
                                if (error == null) {
                                    placed.put(trade.id(), new long[] {metadata.partition(), metadata.offset()});
                                }
                            });
                }
                producer.flush();
                batch++;
                LakeWait.sleep(Duration.ofMillis(100));
            }
        }
    }

    /**
     * Reads the committed offsets first and S3 second: records below a committed offset must already be in an
     * object. Exact for partitions nobody writes at the moment (a killed worker's), a sampled check for others.
     */
    private void checkCommittedOffsetsAreInS3(SinkGroupOffsets offsets, S3Lake lake, String when) {
        Map<Integer, Long> committed = offsets.committed("eos-sink", TOPIC);
        Map<Integer, TreeSet<Long>> inS3 = new HashMap<>();
        for (LakeFile file : LakeFile.readAll(lake, PREFIX, read)) {
            for (Trade trade : file.trades()) {
                long[] place = placed.get(trade.id());
                inS3.computeIfAbsent((int) place[0], p -> new TreeSet<>()).add(place[1]);
            }
        }
        committed.forEach((partition, offset) -> {
            long covered = inS3.getOrDefault(partition, new TreeSet<>())
                    .headSet(offset)
                    .size();
            if (covered != offset) {
                violations.add(when + ": partition " + partition + " committed " + offset + " but S3 holds only "
                        + covered + " of the records below it");
            }
        });
    }

    private static void awaitCommitted(SinkGroupOffsets offsets, long total, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long committed = 0;
        while (Instant.now().isBefore(deadline)) {
            committed = offsets.committedSum("eos-sink", TOPIC);
            if (committed == total) {
                return;
            }
            LakeWait.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("Committed " + committed + " of " + total + " records within " + timeout);
    }
}
