package io.stocklake.source.ticks;

import java.util.Map;
import java.util.Optional;

/**
 * Source partitions and offsets of tick streams. The partition is the symbol; the offset is the whole
 * {@link TickState}, so a restarted task continues each stream exactly where it left off.
 *
 * <p>Workers store offsets as schemaless JSON, which hands integers back as whatever width fits; every number
 * is therefore read as a {@link Number}.
 */
public final class TickOffsets {

    static final String SYMBOL = "symbol";
    static final String FORMAT = "format";
    static final String SEQ = "seq";
    static final String MID = "mid";
    static final String TIME_MICROS = "time_us";
    static final String DAY_VOLUME = "day_volume";
    private static final int CURRENT_FORMAT = 1;

    private TickOffsets() {}

    public static Map<String, Object> partition(String symbol) {
        return Map.of(SYMBOL, symbol);
    }

    public static Map<String, Object> offset(TickState state) {
        return Map.of(
                FORMAT,
                CURRENT_FORMAT,
                SEQ,
                state.seq(),
                MID,
                state.mid(),
                TIME_MICROS,
                state.timeMicros(),
                DAY_VOLUME,
                state.dayVolume());
    }

    /** The state an offset records; empty if there is none. */
    public static Optional<TickState> state(Map<String, ?> offset) {
        if (offset == null || offset.isEmpty()) {
            return Optional.empty();
        }
        int format = number(offset, FORMAT).intValue();
        if (format != CURRENT_FORMAT) {
            throw new IllegalStateException("unknown tick offset format " + format + " in " + offset);
        }
        return Optional.of(new TickState(
                number(offset, SEQ).longValue(),
                number(offset, MID).doubleValue(),
                number(offset, TIME_MICROS).longValue(),
                number(offset, DAY_VOLUME).longValue()));
    }

    private static Number number(Map<String, ?> offset, String key) {
        if (offset.get(key) instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("tick offset without a numeric '" + key + "': " + offset);
    }
}
