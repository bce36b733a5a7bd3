package io.stocklake.analytics.ticks;

/**
 * One trade print with the quote it traded against, as the tick topic carries it (the source connector's
 * {@code StockTick} schema, version 1).
 *
 * @param eventTimeMillis when the tick happened, epoch milliseconds UTC
 * @param seq             per-symbol sequence number
 * @param dayVolume       shares traded in the symbol's session so far, this trade included
 */
public record Tick(
        String symbol,
        String exchange,
        long eventTimeMillis,
        long seq,
        double price,
        int size,
        double bid,
        double ask,
        int bidSize,
        int askSize,
        long dayVolume) {

    public double spread() {
        return ask - bid;
    }

    /** Whether this tick happened before {@code other}: by event time, then by sequence number. */
    public boolean before(Tick other) {
        return eventTimeMillis < other.eventTimeMillis || (eventTimeMillis == other.eventTimeMillis && seq < other.seq);
    }
}
