package io.stocklake.source.ticks;

/**
 * One trade print with the quote it traded against: the value of one record.
 *
 * @param eventTimeMillis when the tick happened, epoch milliseconds UTC
 * @param seq             per-symbol sequence number, from 1, without gaps
 * @param dayVolume       shares traded in the symbol's current session, this trade included
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
        long dayVolume) {}
