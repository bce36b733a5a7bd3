package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.glue.endpoint.fault.FaultPlan;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.SinkGroupOffsets;
import io.stocklake.testing.CatalogReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.testing.s3.S3FaultPlan;
import io.stocklake.testing.s3.S3Operation;
import io.stocklake.testing.s3.S3ProxyLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The services around the connectors fail while ticks flow: S3 (through a fault-injecting proxy), Glue (the
 * endpoint's fault mode) and the Kafka broker. Tasks retry and none stays FAILED; each test ends in the lake audit
 * and Trino's count.
 */
class ServiceFaultsIT {

    private static final Duration DONE = Duration.ofSeconds(240);
    /** Every call the sink makes to Glue; the test's own reads (GetPartitions) are spared. */
    private static final Set<String> SINK_GLUE_CALLS = Set.of(
            "GetDatabase",
            "CreateDatabase",
            "GetTable",
            "CreateTable",
            "UpdateTable",
            "BatchGetPartition",
            "BatchCreatePartition",
            "CreatePartition",
            "GetPartition");

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

    @AfterEach
    void clearGlueFaults() {
        stack.glue().faults().clear();
    }

    @Test
    void s3SlowDownsResetsAndStallsAreRetriedAndLoseNothing() {
        TickLake lake = TickLake.of(stack, "s3-faults");
        lake.create(3);
        Map<String, String> sink = lake.sinkConfig(2);
        sink.putAll(StackConfigs.s3Endpoint(s3.proxy().endpoint()));
        s3.proxy()
                .faults(S3FaultPlan.none()
                        .withSlowDownPercent(20)
                        .withResetPercent(5)
                        .withStall(Duration.ofSeconds(5), 2));
        lake.start(sink, lake.sourceConfig(1, "AAPL,MSFT,NVDA", 3_000, 120));

        lake.awaitTicks(3_000, DONE);
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);
        s3.proxy().clearFaults();

        List<S3Operation> injected =
                s3.proxy().operations().stream().filter(S3Operation::injected).toList();
        assertThat(injected).as("503 SlowDown answers").anyMatch(op -> op.status() == 503);
        assertThat(injected).as("connection resets").anyMatch(op -> op.status() == 0);
        lake.awaitRunning(1, 2, Duration.ofSeconds(60));
        assertThat(lake.audit(records).problems()).isEmpty();
        assertThat(athena.partitionFolders(lake.database(), lake.table())).isEqualTo(TickLake.folders(records));
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
    }

    @Test
    void aFailedMultipartPartAbortsTheUploadAndTheReplayWritesTheFileOnce() {
        TickLake lake = TickLake.of(stack, "failed-part");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.putAll(StackConfigs.s3Endpoint(s3.proxy().endpoint()));
        sink.put("s3.part.size", String.valueOf(5 * 1024 * 1024));
        // One attempt per request: the failed part reaches the task, which aborts the upload and replays the batch.
        sink.put("s3.retry.max.attempts", "1");
        sink.put("flush.size", "24");
        sink.put("rotate.schedule.interval.ms", "-1");
        s3.proxy().faults(S3FaultPlan.none().withFailedUploadParts(1));
        lake.rest().putConnector(lake.sink(), sink);
        Instant time = Instant.parse("2025-06-02T10:00:00Z");
        String note = "x".repeat(256 * 1024);
        try (RecordProducer producer = new RecordProducer(stack.broker().bootstrapServers(), 1024 * 1024)) {
            for (int seq = 1; seq <= 24; seq++) {
                producer.send(
                        lake.topic(),
                        "AAPL",
                        time.plusSeconds(seq).toEpochMilli(),
                        TradeEnvelope.of("AAPL", seq, time.plusSeconds(seq))
                                .note(note)
                                .json());
            }
        }

        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);

        Map<String, Long> operations = s3.proxy().operationCounts();
        assertThat(s3.proxy().operations())
                .as("the failed part")
                .anyMatch(op -> op.injected() && op.name().equals("UploadPart") && op.status() == 500);
        assertThat(operations.get("AbortMultipartUpload")).as("aborted uploads").isPositive();
        assertThat(operations.get("CompleteMultipartUpload"))
                .as("completed uploads")
                .isPositive();
        assertThat(lake.rest().status(lake.sink()).isRunning(1)).isTrue();
        assertThat(lake.audit(records).problems()).isEmpty();
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(24);
    }

    @Test
    void glueThrottlingErrorsAndAMinuteLongOutageHoldOffsetsBackAndLoseNothing() {
        TickLake lake = TickLake.of(stack, "glue-faults");
        lake.create(2);
        long ticks = 3_600;
        lake.start(lake.sinkConfig(2), lake.sourceConfig(1, "AAPL,MSFT,NVDA,AMZN", ticks, 36));
        try (CatalogReader catalog = new CatalogReader(stack.glue().uri());
                Admin admin = stack.broker().admin()) {
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            awaitPartitions(catalog, lake, 2);

            Instant outageStart = Instant.now().plusSeconds(5);
            Instant outageEnd = outageStart.plusSeconds(60);
            stack.glue()
                    .faults()
                    .set(FaultPlan.none()
                            .withThrottlePercent(30)
                            .withInternalErrorPercent(10)
                            .withOutage(outageStart, outageEnd)
                            .onlyFor(SINK_GLUE_CALLS));
            TickLake.pause(Duration.between(Instant.now(), outageStart).plusSeconds(1));
            Map<Integer, Long> committedInOutage = Map.of();
            while (Instant.now().isBefore(outageEnd.minusSeconds(1))) {
                committedInOutage = offsets.committed(lake.sink(), lake.topic());
                TickLake.pause(Duration.ofMillis(500));
            }
            Set<String> registeredInOutage = folders(catalog, lake);
            List<ConsumerRecord<String, String>> writtenInOutage = lake.records();
            TickLake.pause(Duration.between(Instant.now(), outageEnd).plusMillis(100));

            lake.awaitTicks(ticks, DONE);
            List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);
            stack.glue().faults().clear();

            Map<Integer, Long> committed = committedInOutage;
            assertThat(writtenInOutage)
                    .as("records committed during the outage")
                    .filteredOn(r -> r.offset() < committed.getOrDefault(r.partition(), 0L))
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(registeredInOutage)
                            .as("partitions registered before the outage")
                            .contains(io.stocklake.testing.LakeAudit.hourlyFolder(r)));
            assertThat(writtenInOutage)
                    .as("records the outage kept out of the catalog")
                    .anyMatch(r -> !registeredInOutage.contains(io.stocklake.testing.LakeAudit.hourlyFolder(r)));
            assertThat(stack.glue().requestCounts())
                    .as("calls answered during the faults")
                    .isNotEmpty();
            lake.awaitRunning(1, 2, Duration.ofSeconds(60));
            assertThat(folders(catalog, lake)).as("partitions after recovery").isEqualTo(TickLake.folders(records));
            assertThat(lake.audit(records).problems()).isEmpty();
            assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
        }
    }

    @Test
    void aBrokerRestartWhileBothConnectorsRunLosesNothing() {
        TickLake lake = TickLake.of(stack, "broker-restart");
        lake.create(3);
        long ticks = 3_000;
        lake.start(lake.sinkConfig(2), lake.sourceConfig(1, "AAPL,MSFT,NVDA", ticks, 100));
        lake.awaitRunning(1, 2, Duration.ofSeconds(60));
        Instant deadline = Instant.now().plusSeconds(60);
        while (lake.records().size() < 600 && Instant.now().isBefore(deadline)) {
            TickLake.pause(Duration.ofMillis(500));
        }

        stack.broker().restart();

        lake.awaitTicks(ticks, DONE);
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);
        lake.awaitRunning(1, 2, Duration.ofSeconds(60));
        assertThat(lake.audit(records).problems()).isEmpty();
        assertThat(athena.partitionFolders(lake.database(), lake.table())).isEqualTo(TickLake.folders(records));
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
    }

    private static void awaitPartitions(CatalogReader catalog, TickLake lake, int count) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (folders(catalog, lake).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Fewer than " + count + " partitions of " + lake.table() + " after 90 s");
            }
            TickLake.pause(Duration.ofMillis(250));
        }
    }

    private static Set<String> folders(CatalogReader catalog, TickLake lake) {
        return catalog.partitionValues(lake.database(), lake.table()).stream()
                .map(v -> "dt=" + v.get(0) + "/hour=" + v.get(1))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
