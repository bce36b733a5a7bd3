package io.stocklake.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock and a monotonic clock that move only when told to. */
final class ManualTime extends Clock {

    private Instant now;
    private long nanos;

    ManualTime(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    long nanos() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
