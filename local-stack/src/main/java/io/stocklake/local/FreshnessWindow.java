package io.stocklake.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Freshness samples (wall clock minus the newest event time visible to queries) over the last {@code capacity}
 * readings, with nearest-rank percentiles.
 */
final class FreshnessWindow {

    private final int capacity;
    private final Deque<Duration> samples = new ArrayDeque<>();

    FreshnessWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    synchronized void add(Duration sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    synchronized int size() {
        return samples.size();
    }

    synchronized Duration latest() {
        return samples.peekLast();
    }

    /** The nearest-rank percentile ({@code p} in (0, 100]), or null without samples. */
    synchronized Duration percentile(double p) {
        if (samples.isEmpty()) {
            return null;
        }
        long[] millis = samples.stream().mapToLong(Duration::toMillis).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return Duration.ofMillis(millis[Math.max(0, Math.min(millis.length, rank) - 1)]);
    }

    @Override
    public synchronized String toString() {
        return Arrays.toString(samples.toArray());
    }
}
