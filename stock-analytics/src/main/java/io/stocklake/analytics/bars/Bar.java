package io.stocklake.analytics.bars;

/**
 * A symbol's final one-minute bar: OHLCV, VWAP, trade count and the quoted spread (ask minus bid) over its ticks.
 *
 * @param windowStart the minute's start, epoch milliseconds UTC (inclusive)
 * @param windowEnd   the minute's end (exclusive)
 * @param vwap        the volume-weighted average price: sum of price times size over the volume
 * @param spreadAvg   the mean spread over the ticks (each tick weighs the same)
 */
public record Bar(
        String symbol,
        long windowStart,
        long windowEnd,
        double open,
        double high,
        double low,
        double close,
        long volume,
        double vwap,
        long tradeCount,
        double spreadMin,
        double spreadMax,
        double spreadAvg) {}
