package io.stocklake.analytics.ticks;

/** What reading one record of the tick topic gave: a tick, or the reason it is not one. */
public sealed interface TickReading {

    /** A tick the analytics use. */
    record Valid(Tick tick) implements TickReading {}

    /**
     * A record that is not a usable tick: it goes to the dead-letter topic as it came.
     *
     * @param reason what is wrong, in a sentence a user can act on
     * @param value  the record's value as it came (may be null)
     */
    record Invalid(String reason, byte[] value) implements TickReading {}
}
