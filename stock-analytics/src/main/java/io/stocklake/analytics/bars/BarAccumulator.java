package io.stocklake.analytics.bars;

import io.stocklake.analytics.ticks.Tick;

/**
 * A minute's ticks of one symbol folded so far, in whatever order they arrived: open and close are the earliest and
 * latest ticks by event time (then sequence number), so a late tick inside the grace amends them. Immutable; its
 * state is kept in a changelogged store.
 *
 * @param notional the sum of price times size, for the VWAP
 */
public record BarAccumulator(
        Tick first,
        Tick last,
        double high,
        double low,
        long volume,
        double notional,
        long tradeCount,
        double spreadMin,
        double spreadMax,
        double spreadSum) {

    public static BarAccumulator empty() {
        return new BarAccumulator(
                null,
                null,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                0,
                0,
                0,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                0);
    }

    public BarAccumulator add(Tick tick) {
        double spread = tick.spread();
        return new BarAccumulator(
                first == null || tick.before(first) ? tick : first,
                last == null || last.before(tick) ? tick : last,
                Math.max(high, tick.price()),
                Math.min(low, tick.price()),
                volume + tick.size(),
                notional + tick.price() * tick.size(),
                tradeCount + 1,
                Math.min(spreadMin, spread),
                Math.max(spreadMax, spread),
                spreadSum + spread);
    }

    /** The final bar of the minute {@code [windowStart, windowEnd)}; there is at least one tick. */
    public Bar toBar(String symbol, long windowStart, long windowEnd) {
        if (tradeCount == 0) {
            throw new IllegalStateException("a bar needs at least one tick");
        }
        return new Bar(
                symbol,
                windowStart,
                windowEnd,
                first.price(),
                high,
                low,
                last.price(),
                volume,
                notional / volume,
                tradeCount,
                spreadMin,
                spreadMax,
                spreadSum / tradeCount);
    }
}
