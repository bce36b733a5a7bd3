package io.stocklake.source.market;

import java.time.Instant;

/** The time unit of the model: microseconds since the epoch, fine enough for ticks, exact in a long. */
public final class EpochMicros {

    private EpochMicros() {}

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }

    public static long toMillis(long micros) {
        return Math.floorDiv(micros, 1_000L);
    }
}
