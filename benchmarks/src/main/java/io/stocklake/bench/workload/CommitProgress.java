package io.stocklake.bench.workload;

import io.stocklake.bench.Throughput;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;

/**
 * How fast a sink connector gets through a pre-filled topic, from the offsets its consumer group commits. A sink
 * commits only what it made durable (ours: files in S3 and partitions in the catalog; the peer: files in an
 * Iceberg snapshot), so the rate includes encoding, compression, upload and catalog work. The rate runs from the
 * first commit to the first commit at or past 90% of the topic, which leaves out start-up and the open tail.
 */
public final class CommitProgress {

    private final SinkGroupOffsets offsets;
    private final ConnectRest rest;
    private final CommitRate rate;

    /**
     * @param smoke a smoke run's topic is small enough to be committed in one go, which leaves nothing to measure
     *              between commits; the smoke run then takes the rate from the wait's start instead of failing
     */
    public CommitProgress(SinkGroupOffsets offsets, ConnectRest rest, boolean smoke) {
        this(offsets, rest, smoke, null);
    }

    /** As above, with the CPU time of the worker that runs the sinks read over each measured span. */
    public CommitProgress(SinkGroupOffsets offsets, ConnectRest rest, boolean smoke, ProcessCpu workerCpu) {
        this.offsets = offsets;
        this.rest = rest;
        this.rate = new CommitRate(smoke, workerCpu);
    }

    /** Waits for {@code connector}'s commits on {@code topic} to pass 90% of {@code records}. */
    public Throughput await(String connector, String topic, long records, Duration timeout) {
        return rate.await(
                connector,
                () -> offsets.committedSum(connector, topic),
                () -> TaskFailure.check(rest, connector),
                () -> "status " + rest.status(connector),
                records,
                timeout);
    }
}
