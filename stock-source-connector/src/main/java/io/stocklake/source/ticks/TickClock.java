package io.stocklake.source.ticks;

/** Decides when each symbol ticks and which event time its tick carries. */
interface TickClock {

    /** Plans the cursor's next tick; called at start and after each of its ticks. */
    void schedule(SymbolCursor cursor);

    /** Nanoseconds to wait before the cursor may tick; zero or less means now. */
    long nanosUntilDue(SymbolCursor cursor);

    /** The event time, in epoch microseconds, of the cursor's tick emitted now. */
    long eventTimeMicros(SymbolCursor cursor);

    /** The trading seconds the price moves over before the cursor's tick stamped {@code eventTimeMicros}. */
    double tradingSecondsBefore(SymbolCursor cursor, long eventTimeMicros);

    /** Records that a tick was emitted. */
    void emitted();
}
