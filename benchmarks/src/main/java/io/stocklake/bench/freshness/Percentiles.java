package io.stocklake.bench.freshness;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a list of latencies. */
public record Percentiles(double p50, double p99, double max, int count) {

    public static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
