package io.stocklake.source.ticks;

import java.util.function.LongSupplier;

/**
 * Paces emission to a rate against a monotonic clock. Tokens accrue continuously up to one second's worth, so a
 * short stall (a slow send, a GC pause) is caught up and the long-run rate holds, while a long one is not
 * followed by an unbounded burst.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, LongSupplier nanoTime) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoTime = nanoTime;
        this.tokens = 1;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Nanoseconds until a token is available; 0 if one is available now. */
    long nanosUntilAvailable() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerSecond * NANOS_PER_SECOND);
    }

    void take() {
        refill();
        tokens -= 1;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerSecond / NANOS_PER_SECOND);
        refilledAt = now;
    }
}
