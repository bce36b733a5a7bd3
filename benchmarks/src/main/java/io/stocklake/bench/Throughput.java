package io.stocklake.bench;

/** Records written over a span of wall time. */
public record Throughput(long records, double seconds) {

    public double perSecond() {
        return records / seconds;
    }
}
