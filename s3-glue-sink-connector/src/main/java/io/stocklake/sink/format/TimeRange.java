package io.stocklake.sink.format;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants a lake table holds: years 1 to 9999 in UTC. Hive's DATE and TIMESTAMP types end there, the text
 * formats (and partition folders such as {@code dt=2026-11-24}) write four-digit years, and only inside this range
 * can every reader turn a value into its own type without overflow. A record whose time lies outside is a bad
 * record, never a task failure.
 */
public final class TimeRange {

    /** {@code 0001-01-01T00:00:00Z}. */
    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    /** {@code 9999-12-31T23:59:59.999Z}: the last millisecond. */
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final long FIRST_MILLIS = FIRST.toEpochMilli();
    private static final long LAST_MILLIS = LAST.toEpochMilli();
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** How an error says where the range lies. */
    public static final String BOUNDS = "outside years 0001 to 9999 (UTC), the range lake tables hold";

    private TimeRange() {}

    public static boolean holds(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    public static boolean holdsMillis(long epochMillis) {
        return epochMillis >= FIRST_MILLIS && epochMillis <= LAST_MILLIS;
    }

    public static boolean holdsEpochDay(long epochDay) {
        return epochDay >= FIRST_DAY && epochDay <= LAST_DAY;
    }

    /** {@code 9223372036854775807 ms (+292278994-08-17T07:12:55.807Z)}: the raw value and the instant it names. */
    public static String describeMillis(long epochMillis) {
        return epochMillis + " ms (" + Instant.ofEpochMilli(epochMillis) + ")";
    }
}
