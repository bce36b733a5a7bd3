package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures how fast a one-partition topic fills, from its end offset sampled over time: the same yardstick for
 * whatever writes to it. The rate is taken between 10% and 90% of the expected records, so that neither the
 * writer's start (task start, producer warm-up) nor its last partial batch counts.
 */
final class EndOffsetSampler {

    private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final double WINDOW_START = 0.10;
    private static final double WINDOW_END = 0.90;

    private final Admin admin;
    private final TopicPartition partition;
    private final LongSupplier cpuNanos;

    /**
     * @param cpuNanos the CPU time used so far by the process that writes (a worker's), read with every sample;
     *                 null: not measured
     */
    EndOffsetSampler(Admin admin, String topic, LongSupplier cpuNanos) {
        this.admin = admin;
        this.partition = new TopicPartition(topic, 0);
        this.cpuNanos = cpuNanos;
    }

    /** Samples until the topic holds {@code expected} records and returns the rate inside the window. */
    Throughput awaitRecords(long expected, Duration timeout) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long offset = 0;
        while (offset < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        partition.topic() + " holds " + offset + " of " + expected + " records after " + timeout);
            }
            long now = System.nanoTime();
            offset = endOffset();
            samples.add(new Sample(now, offset, cpuNanos == null ? 0 : cpuNanos.getAsLong()));
            TimeUnit.NANOSECONDS.sleep(Math.max(0, now + SAMPLE_EVERY_NANOS - System.nanoTime()));
        }
        return window(samples, expected, cpuNanos != null);
    }

    static Throughput window(List<Sample> samples, long expected, boolean withCpu) {
        Sample first = firstReaching(samples, (long) Math.ceil(expected * WINDOW_START));
        Sample last = firstReaching(samples, (long) Math.ceil(expected * WINDOW_END));
        if (last.nanos() == first.nanos()) {
            throw new IllegalStateException(
                    "The run was too short to measure: 10% to 90% in one sample; use more records");
        }
        return new Throughput(
                last.offset() - first.offset(),
                (last.nanos() - first.nanos()) / 1e9,
                withCpu ? (last.cpuNanos() - first.cpuNanos()) / 1e9 : Double.NaN);
    }

    private static Sample firstReaching(List<Sample> samples, long offset) {
        return samples.stream().filter(s -> s.offset() >= offset).findFirst().orElseThrow();
    }

    private long endOffset() {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get(10, TimeUnit.SECONDS)
                    .offset();
        } catch (ExecutionException e) {
            // The topic's metadata may not have reached the broker's cache yet.
            return 0;
        } catch (TimeoutException e) {
            throw new IllegalStateException("No end offset for " + partition + " within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One sample: when, the end offset, and the writer's CPU time used so far (0 when not measured). */
    record Sample(long nanos, long offset, long cpuNanos) {
        Sample(long nanos, long offset) {
            this(nanos, offset, 0);
        }
    }
}
