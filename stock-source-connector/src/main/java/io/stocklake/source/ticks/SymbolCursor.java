package io.stocklake.source.ticks;

import io.stocklake.source.market.Instrument;

/** Where one symbol's stream stands inside a running task: its state, its budget and when it ticks next. */
public final class SymbolCursor {

    private final Instrument instrument;
    private final int index;
    private final long lastSeq;
    private TickState state;
    private double dueKey;
    private long scheduledMicros;

    /**
     * @param index   the symbol's place in the universe, which breaks ties between equally due symbols
     * @param lastSeq the last sequence number this stream may emit ({@link Long#MAX_VALUE}: unbounded)
     */
    public SymbolCursor(Instrument instrument, int index, TickState state, long lastSeq) {
        this.instrument = instrument;
        this.index = index;
        this.state = state;
        this.lastSeq = lastSeq;
    }

    public Instrument instrument() {
        return instrument;
    }

    public TickState state() {
        return state;
    }

    int index() {
        return index;
    }

    boolean hasBudget() {
        return state.seq() < lastSeq;
    }

    void advance(TickState next) {
        state = next;
    }

    double dueKey() {
        return dueKey;
    }

    long scheduledMicros() {
        return scheduledMicros;
    }

    /** Sets when the next tick is due: a simulated event time, or a virtual time that only orders symbols. */
    void schedule(double key, long micros) {
        this.dueKey = key;
        this.scheduledMicros = micros;
    }
}
