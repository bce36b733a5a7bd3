package io.stocklake.bench;

/**
 * Records written over a span of wall time, and the CPU time the worker process spent over the same span.
 *
 * @param cpuSeconds the Connect worker's CPU time (user and system, all its threads) over the span; NaN when not
 *                   measured (a writer outside the worker, such as the plain producer)
 */
public record Throughput(long records, double seconds, double cpuSeconds) {

    public Throughput(long records, double seconds) {
        this(records, seconds, Double.NaN);
    }

    public double perSecond() {
        return records / seconds;
    }

    /** The worker's CPU seconds per million records over the span: the cost, steadier than the rate. */
    public double cpuSecondsPerMillion() {
        return cpuSeconds / records * 1e6;
    }
}
