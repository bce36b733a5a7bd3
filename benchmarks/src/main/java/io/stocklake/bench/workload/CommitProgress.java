package io.stocklake.bench.workload;

import io.stocklake.bench.Throughput;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;
import java.time.Instant;

/**
 * How fast a sink connector gets through a pre-filled topic, from the offsets its consumer group commits. A sink
 * commits only what it made durable (ours: files in S3 and partitions in the catalog; the peer: files in an
 * Iceberg snapshot), so the rate includes encoding, compression, upload and catalog work. The rate runs from the
 * first commit to the first commit at or past 90% of the topic, which leaves out start-up and the open tail.
 */
public final class CommitProgress {

    private static final double END = 0.9;

    private final SinkGroupOffsets offsets;
    private final ConnectRest rest;
    private final boolean smoke;

    /**
     * @param smoke a smoke run's topic is small enough to be committed in one go, which leaves nothing to measure
     *              between commits; the smoke run then takes the rate from the wait's start instead of failing
     */
    public CommitProgress(SinkGroupOffsets offsets, ConnectRest rest, boolean smoke) {
        this.offsets = offsets;
        this.rest = rest;
        this.smoke = smoke;
    }

    /** Waits for {@code connector}'s commits on {@code topic} to pass 90% of {@code records}. */
    public Throughput await(String connector, String topic, long records, Duration timeout) {
        long target = (long) Math.ceil(records * END);
        long started = System.nanoTime();
        long firstCommitted = 0;
        long firstAt = 0;
        int polls = 0;
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            long committed = offsets.committedSum(connector, topic);
            long now = System.nanoTime();
            if (firstAt == 0 && committed > 0) {
                firstCommitted = committed;
                firstAt = now;
            } else if (firstAt > 0 && committed >= target) {
                if (committed == firstCommitted) {
                    if (smoke) {
                        return new Throughput(committed, (now - started) / 1e9);
                    }
                    throw new IllegalStateException(connector + " committed " + committed + " of " + records
                            + " records at its first commit: too few commits to measure; use more records or smaller files");
                }
                return new Throughput(committed - firstCommitted, (now - firstAt) / 1e9);
            }
            if (++polls % 20 == 0) {
                TaskFailure.check(rest, connector);
            }
            Pause.millis(50);
        }
        throw new IllegalStateException(connector + " did not commit " + target + " of " + records + " records within "
                + timeout + "; status " + rest.status(connector));
    }
}
