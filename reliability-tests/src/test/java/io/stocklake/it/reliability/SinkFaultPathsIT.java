package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.SinkGroupOffsets;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.testing.s3.S3Operation;
import io.stocklake.testing.s3.S3ProxyLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink's fault paths on a real worker: a topic-renaming SMT, a task made a zombie by a stalled upload while
 * another task takes its partition over, and memory-pressure cuts (recorded in the boundary log) under worker kills.
 * Each ends in the lake audit and Trino's count.
 */
class SinkFaultPathsIT {

    private static final Duration DONE = Duration.ofSeconds(240);
    private static final Set<String> VISIBLE_WRITES = Set.of("PutObject", "CompleteMultipartUpload");

    static final PipelineStack stack =
            PipelineStack.builder().workers(2).withGlue().build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(2)
    static final AthenaView athena = new AthenaView(stack);

    @RegisterExtension
    @Order(3)
    static final S3ProxyLifecycle s3 = new S3ProxyLifecycle(stack);

    @Test
    void aTopicRenamingSmtCommitsTheAssignedPartitionsSoTheLagDrains() {
        TickLake lake = new TickLake(stack, "routed", "lake", "market", "routed_by_smt", false);
        lake.create(2);
        Map<String, String> sink = lake.sinkConfig(2);
        sink.remove("table.name");
        sink.put("transforms", "route");
        sink.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        sink.put("transforms.route.regex", "routed");
        sink.put("transforms.route.replacement", "routed-by-smt");
        lake.start(sink, lake.sourceConfig(1, "AAPL,MSFT,NVDA", 1_500, 150));

        lake.awaitTicks(1_500, DONE);
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);

        lake.awaitRunning(1, 2, Duration.ofSeconds(60));
        assertThat(lake.audit(records).problems()).isEmpty();
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
    }

    @Test
    void aZombieWokenAfterAnotherTaskTookItsPartitionOverLosesAndDoublesNothing() {
        TickLake lake = TickLake.of(stack, "zombie");
        lake.create(2);
        Map<String, String> sink = lake.sinkConfig(2);
        sink.putAll(StackConfigs.s3Endpoint(s3.proxy().endpoint()));
        // The stalled task's consumer leaves the group long before its upload returns.
        sink.put("consumer.override.max.poll.interval.ms", "10000");
        long ticks = 4_000;
        lake.start(sink, lake.sourceConfig(1, "AAPL,MSFT,NVDA,AMZN", ticks, 100));
        lake.awaitRunning(1, 2, Duration.ofSeconds(60));
        try (Admin admin = stack.broker().admin()) {
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            awaitCommitted(offsets, lake, 0, 1);

            Duration stall = Duration.ofSeconds(35);
            s3.proxy()
                    .holdNext(
                            1,
                            stall,
                            op -> VISIBLE_WRITES.contains(op.name()) && op.key().contains("+0+"));
            S3Operation heldWrite = awaitHeld();
            long committedWhenStalled =
                    offsets.committed(lake.sink(), lake.topic()).getOrDefault(0, 0L);
            TickLake.pause(Duration.ofSeconds(25));
            long committedDuringStall =
                    offsets.committed(lake.sink(), lake.topic()).getOrDefault(0, 0L);

            lake.awaitTicks(ticks, DONE);
            List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);

            assertThat(committedDuringStall)
                    .as("partition 0 committed by its new owner while " + heldWrite.key() + " was held")
                    .isGreaterThan(committedWhenStalled);
            lake.awaitRunning(1, 2, Duration.ofSeconds(90));
            assertThat(lake.audit(records).problems()).isEmpty();
            assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
        }
    }

    @Test
    void memoryPressureCutsSurviveWorkerKills() {
        TickLake lake = TickLake.of(stack, "memory-kills");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("buffer.max.bytes", String.valueOf(1024 * 1024));
        sink.put("flush.size", "100000");
        // Memory cuts every ~20 records; a scheduled cut now and then lands the tail once the producer is done.
        sink.put("rotate.schedule.interval.ms", "10000");
        lake.rest().putConnector(lake.sink(), sink);
        lake.rest().awaitRunning(lake.sink(), 1, Duration.ofSeconds(60));
        Instant time = Instant.parse("2025-06-02T10:00:00Z");
        String note = "m".repeat(48 * 1024);
        CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
            try (RecordProducer producer = new RecordProducer(stack.broker().bootstrapServers(), 1024 * 1024)) {
                for (int seq = 1; seq <= 400; seq++) {
                    producer.send(
                            lake.topic(),
                            "AAPL",
                            time.plusSeconds(seq).toEpochMilli(),
                            TradeEnvelope.of("AAPL", seq, time.plusSeconds(seq))
                                    .note(note)
                                    .json());
                    TickLake.pause(Duration.ofMillis(30));
                }
            }
        });

        WorkerKiller killer = new WorkerKiller(stack.connect(), 20261207L);
        killer.killAndRestart(4, Duration.ofMillis(1_500), Duration.ofMillis(4_000));
        produced.join();
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);

        lake.rest().awaitRunning(lake.sink(), 1, Duration.ofSeconds(90));
        assertThat(records).hasSize(400);
        // 19 MB through a 1 MiB bound: the cuts were the memory bound's, not the schedule's.
        assertThat(stack.s3()
                        .client()
                        .listObjectsV2(r -> r.bucket(lake.bucket()).prefix("topics/" + lake.table()))
                        .keyCount())
                .as("data files")
                .isGreaterThan(10);
        assertThat(lake.audit(records).problems())
                .as("kills: " + killer.kills())
                .isEmpty();
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(400);
    }

    private static S3Operation awaitHeld() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (s3.proxy().heldOperations().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No write of partition 0 reached S3 within 60 s");
            }
            TickLake.pause(Duration.ofMillis(100));
        }
        return s3.proxy().heldOperations().get(0);
    }

    private static void awaitCommitted(SinkGroupOffsets offsets, TickLake lake, int partition, long atLeast) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (offsets.committed(lake.sink(), lake.topic()).getOrDefault(partition, 0L) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Partition " + partition + " of " + lake.topic() + " not committed in 90 s");
            }
            TickLake.pause(Duration.ofMillis(250));
        }
    }
}
