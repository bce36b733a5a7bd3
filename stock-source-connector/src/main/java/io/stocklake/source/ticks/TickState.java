package io.stocklake.source.ticks;

import io.stocklake.source.market.Instrument;

/**
 * What one symbol's stream carries from one tick to the next; together with the seed it determines every later
 * tick, so it is exactly what the source offset stores.
 *
 * @param seq        the last emitted sequence number, 0 before the first tick
 * @param mid        the efficient price after the last tick, unrounded
 * @param timeMicros the last tick's event time (or the start time), epoch microseconds
 * @param dayVolume  shares traded so far in the last tick's session
 */
public record TickState(long seq, double mid, long timeMicros, long dayVolume) {

    public static TickState initial(Instrument instrument, long startMicros) {
        return new TickState(0, instrument.startPrice(), startMicros, 0);
    }
}
