package io.stocklake.bench.source;

/** Records written over a span of wall time. */
public record Throughput(long records, double seconds) {

    public double perSecond() {
        return records / seconds;
    }
}
