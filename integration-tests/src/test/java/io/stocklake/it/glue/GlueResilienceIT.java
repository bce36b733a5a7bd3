package io.stocklake.it.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stocklake.glue.endpoint.fault.FaultPlan;
import io.stocklake.stack.ConnectWorker;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.CatalogReader;
import io.stocklake.testing.LakeAudit;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sink's catalog registration survives what production throws at it: workers killed with SIGKILL (their
 * partition caches lost) and a Glue outage while records keep coming. Nothing is registered twice, nothing is
 * lost, and offsets never commit ahead of the catalog.
 */
class GlueResilienceIT {

    private static final String BUCKET = "lake";
    private static final String DATABASE = "market";
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(90);

    static final PipelineStack stack =
            PipelineStack.builder().workers(2).withGlue().build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static CatalogReader catalog;
    private static SinkOffsets offsets;
    private static S3Client s3;

    @BeforeAll
    static void openClients() {
        catalog = new CatalogReader(stack.glue().uri());
        offsets = new SinkOffsets(stack.broker());
        s3 = stack.s3().client();
        stack.s3().createBucket(BUCKET);
    }

    @AfterAll
    static void closeClients() {
        catalog.close();
        offsets.close();
        s3.close();
    }

    @AfterEach
    void removeConnectors() {
        stack.glue().faults().clear();
        stack.connect().rest().connectors().forEach(stack.connect().rest()::deleteConnector);
    }

    @Test
    void killedWorkersComeBackLookingUpKnownPartitionsInsteadOfCreatingThem() {
        String topic = "glue-restart";
        Topics.create(stack.broker(), topic, 2);
        stack.connect().rest().putConnector("restart-sink", sink(topic, "restarted"));
        Instant hour0 = Instant.parse("2025-06-02T10:00:00Z");
        Instant hour1 = hour0.plus(Duration.ofHours(1));
        Instant hour2 = hour0.plus(Duration.ofHours(2));
        try (TickProducer producer = new TickProducer(stack.broker().bootstrapServers())) {
            produce(producer, topic, hour0, 0, 10);
            produce(producer, topic, hour1, 10, 10);
            // Half a file: written but not committed when the workers die, so it is replayed after the restart.
            produce(producer, topic, hour0, 20, 5);
            offsets.awaitCommitted("restart-sink", topic, perPartition(topic, 20), COMMIT_TIMEOUT);
            assertThat(catalog.partitionValues(DATABASE, "restarted")).hasSize(2);

            stack.connect().workers().forEach(ConnectWorker::kill);
            stack.glue().resetRequestCounts();
            CompletableFuture.allOf(stack.connect().workers().stream()
                            .map(worker -> CompletableFuture.runAsync(worker::start))
                            .toArray(CompletableFuture[]::new))
                    .join();
            stack.connect().rest().awaitRunning("restart-sink", 2, Duration.ofSeconds(120));

            produce(producer, topic, hour0, 25, 5);
            offsets.awaitCommitted("restart-sink", topic, perPartition(topic, 30), COMMIT_TIMEOUT);
            assertThat(stack.glue().requestCount("BatchCreatePartition")
                            + stack.glue().requestCount("CreatePartition"))
                    .as("partitions created for files into partitions registered before the kill")
                    .isZero();
            assertThat(stack.glue().requestCount("BatchGetPartition"))
                    .as("lookups of the partitions the restarted tasks no longer remember")
                    .isPositive();

            stack.glue().resetRequestCounts();
            produce(producer, topic, hour2, 30, 10);
            offsets.awaitCommitted("restart-sink", topic, perPartition(topic, 40), COMMIT_TIMEOUT);
            assertThat(stack.glue().requestCount("BatchCreatePartition"))
                    .as("creations of the one new partition: at most one per task")
                    .isBetween(1L, 2L);
            assertThat(stack.glue().requestCount("BatchGetPartition"))
                    .as("lookups of the new partition only, known ones are cached")
                    .isBetween(1L, 2L);
        }

        assertThat(catalog.partitionValues(DATABASE, "restarted"))
                .containsExactlyInAnyOrder(
                        DtHour.of(hour0.toEpochMilli()),
                        DtHour.of(hour1.toEpochMilli()),
                        DtHour.of(hour2.toEpochMilli()));
        LakeAudit audit = audit(topic, "topics/restarted/");
        assertThat(audit.topicRecords()).isEqualTo(80);
        assertThat(audit.missing()).isEmpty();
        assertThat(audit.duplicated()).isEmpty();
        assertThat(audit.unknown()).isEmpty();
    }

    @Test
    void aGlueOutageHoldsTheCommittedOffsetsBackAndLosesNoRecord() {
        String topic = "glue-outage";
        int ticks = 4000;
        Topics.create(stack.broker(), topic, 2);
        Map<String, String> sink = sink(topic, "outage");
        sink.put("flush.size", "100");
        sink.put("rotate.schedule.interval.ms", "2000");
        // Give up on Glue quickly so the outage reaches the task (rewind and replay), not only the SDK's retries.
        sink.put("glue.retry.max.attempts", "2");
        sink.put("glue.retry.backoff.ms", "100");
        sink.put("glue.retry.max.backoff.ms", "200");
        sink.put("retry.backoff.ms", "1000");
        stack.connect().rest().putConnector("outage-sink", sink);
        // A new hour of event time about every two seconds, for some twenty seconds.
        stack.connect()
                .rest()
                .putConnector(
                        "outage-source",
                        StackConfigs.simulatedTicks(
                                topic, "AAPL,MSFT,NVDA,AMZN", ticks, "2025-06-02T00:00:00Z", 0.1, 1800));
        await("the first partitions")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> catalog.partitionValues(DATABASE, "outage").size() >= 2);

        Set<String> sinkCalls = new HashSet<>(stack.glue().operations());
        sinkCalls.remove(CatalogReader.READ_PARTITIONS);
        stack.glue().resetRequestCounts();
        stack.glue()
                .faults()
                .set(FaultPlan.none().withOutage(Instant.now(), Instant.MAX).onlyFor(sinkCalls));
        Map<TopicPartition, Long> committedInOutage = Map.of();
        Instant outageEnd = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(outageEnd)) {
            committedInOutage = offsets.committed("outage-sink", topic);
            sleep(Duration.ofMillis(250));
        }
        Set<List<String>> registeredInOutage = catalog.partitionValues(DATABASE, "outage");
        Map<TopicPartition, Long> writtenInOutage = offsets.endOffsets(topic);
        long refusedPartitionCalls =
                stack.glue().requestCount("BatchGetPartition") + stack.glue().requestCount("BatchCreatePartition");
        stack.glue().faults().clear();

        await("the source to finish").atMost(Duration.ofSeconds(90)).until(() -> reader().endOffsetSum(topic) == ticks);
        offsets.awaitAllCommitted("outage-sink", topic, COMMIT_TIMEOUT);

        List<ConsumerRecord<String, String>> records = reader().readAll(topic, Duration.ofSeconds(60));
        assertThat(refusedPartitionCalls)
                .as("partition calls the sink tried during the outage")
                .isPositive();
        assertThat(records)
                .as("records into partitions the outage kept out of the catalog")
                .anyMatch(r -> r.offset() < writtenInOutage.get(partition(r))
                        && !registeredInOutage.contains(DtHour.of(r.timestamp())));
        Map<TopicPartition, Long> committed = committedInOutage;
        assertThat(records)
                .as("records committed during the outage")
                .filteredOn(r -> r.offset() < committed.getOrDefault(partition(r), 0L))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(registeredInOutage)
                        .as("registered partitions during the outage")
                        .contains(DtHour.of(r.timestamp())));
        assertThat(catalog.partitionValues(DATABASE, "outage"))
                .containsExactlyInAnyOrderElementsOf(
                        records.stream().map(r -> DtHour.of(r.timestamp())).collect(Collectors.toSet()));
        LakeAudit audit = audit(topic, "topics/outage/");
        assertThat(audit.topicRecords()).isEqualTo(ticks);
        assertThat(audit.duplicatedIdentities()).isEmpty();
        assertThat(audit.missing()).isEmpty();
        assertThat(audit.duplicated()).isEmpty();
        assertThat(audit.unknown()).isEmpty();
        assertThat(audit.misplaced()).isEmpty();
    }

    /** Every record of the topic against the JSON lines objects of the table, ticks told apart by (symbol, seq). */
    private static LakeAudit audit(String topic, String tablePrefix) {
        return LakeAudit.of(
                reader().readAll(topic, Duration.ofSeconds(60)),
                new S3Lake(s3, BUCKET),
                tablePrefix,
                LakeAudit::hourlyFolder,
                "symbol",
                "seq");
    }

    /** A JSON sink of two tasks whose consumers are noticed gone within seconds of a SIGKILL. */
    private static Map<String, String> sink(String topic, String table) {
        Map<String, String> config = StackConfigs.sink(stack, topic, BUCKET, DATABASE, "json");
        config.put("tasks.max", "2");
        config.put("table.name", table);
        config.put("flush.size", "10");
        config.put("consumer.override.session.timeout.ms", "6000");
        config.put("consumer.override.heartbeat.interval.ms", "1000");
        return config;
    }

    /** {@code count} records per partition from {@code hour} on, one a second: AAPL on partition 0, MSFT on 1. */
    private static void produce(TickProducer producer, String topic, Instant hour, int firstSeq, int count) {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            producer.send(topic, 0, hour.plusSeconds(seq), "AAPL", seq);
            producer.send(topic, 1, hour.plusSeconds(seq), "MSFT", seq);
        }
        producer.flush();
    }

    private static Map<TopicPartition, Long> perPartition(String topic, long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        offsets.put(new TopicPartition(topic, 0), offset);
        offsets.put(new TopicPartition(topic, 1), offset);
        return offsets;
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static TopicReader reader() {
        return TopicReader.readUncommitted(stack.broker().bootstrapServers());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
