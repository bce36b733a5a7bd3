package io.stocklake.bench.workload;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The rate at which a consumer group's committed offsets advance through a pre-filled topic: from the first commit
 * to the first commit at or past 90% of the topic, which leaves out start-up and the open tail. Whoever commits only
 * what it has made durable (a sink, an exactly-once Kafka Streams application) is measured with that work included.
 */
public final class CommitRate {

    private static final double END = 0.9;

    private final boolean smoke;
    private final LongSupplier cpuNanos;

    /**
     * @param smoke a smoke run's topic is small enough to be committed in one go, which leaves nothing to measure
     *              between commits; the smoke run then takes the rate from the wait's start instead of failing
     */
    public CommitRate(boolean smoke) {
        this(smoke, null);
    }

    /**
     * @param cpuNanos the CPU time used so far by whoever commits (a worker's {@link ProcessCpu}), read at both ends
     *                 of the measured span; null: not measured
     */
    public CommitRate(boolean smoke, LongSupplier cpuNanos) {
        this.smoke = smoke;
        this.cpuNanos = cpuNanos;
    }

    /**
     * Waits for {@code committed} (the sum of the group's committed offsets on the topic) to pass 90% of
     * {@code records}, sampling it every 50 ms.
     *
     * @param what   who commits, for the errors
     * @param health called every second; throws if whoever commits has failed
     * @param state  what to say of whoever commits when the time is up
     */
    public Throughput await(
            String what,
            LongSupplier committed,
            Runnable health,
            Supplier<String> state,
            long records,
            Duration timeout) {
        long target = (long) Math.ceil(records * END);
        long started = System.nanoTime();
        long startedCpu = cpu();
        long firstCommitted = 0;
        long firstAt = 0;
        long firstCpu = 0;
        int polls = 0;
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            long now = committed.getAsLong();
            long at = System.nanoTime();
            long cpuAt = cpu();
            if (firstAt == 0 && now > 0) {
                firstCommitted = now;
                firstAt = at;
                firstCpu = cpuAt;
            } else if (firstAt > 0 && now >= target) {
                if (now == firstCommitted) {
                    if (smoke) {
                        return new Throughput(now, (at - started) / 1e9, cpuSeconds(startedCpu, cpuAt));
                    }
                    throw new IllegalStateException(what + " committed " + now + " of " + records
                            + " records at its first commit: too few commits to measure; use more records");
                }
                return new Throughput(now - firstCommitted, (at - firstAt) / 1e9, cpuSeconds(firstCpu, cpuAt));
            }
            if (++polls % 20 == 0) {
                health.run();
            }
            Pause.millis(50);
        }
        throw new IllegalStateException(what + " did not commit " + target + " of " + records + " records within "
                + timeout + "; " + state.get());
    }

    private long cpu() {
        return cpuNanos == null ? 0 : cpuNanos.getAsLong();
    }

    private double cpuSeconds(long from, long to) {
        return cpuNanos == null ? Double.NaN : (to - from) / 1e9;
    }
}
