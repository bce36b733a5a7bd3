package io.stocklake.source.ticks;

import io.stocklake.source.market.CounterRandom;
import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.PriceGrid;
import io.stocklake.source.market.PriceProcess;
import io.stocklake.source.market.Quote;
import io.stocklake.source.market.QuoteModel;
import io.stocklake.source.market.SessionCalendar;
import io.stocklake.source.market.TradeSizeModel;

/**
 * Makes the next tick of a symbol: a pure function of the seed, the symbol, the carried state and the event
 * time. It draws only from the counter-based stream of (seed, symbol, seq), never from shared state, so a
 * stream resumed from its offset is identical to one that never stopped.
 */
public final class TickGenerator {

    /** Draw stream of tick contents; distinct from {@link io.stocklake.source.market.ArrivalModel#PURPOSE}. */
    static final int PURPOSE = 1;

    private final long seed;
    private final SessionCalendar calendar;
    private final PriceProcess prices;
    private final QuoteModel quotes;
    private final TradeSizeModel sizes;

    public TickGenerator(
            long seed, SessionCalendar calendar, PriceProcess prices, QuoteModel quotes, TradeSizeModel sizes) {
        this.seed = seed;
        this.calendar = calendar;
        this.prices = prices;
        this.quotes = quotes;
        this.sizes = sizes;
    }

    /**
     * The tick after {@code previous}, happening at {@code timeMicros} (not before the previous tick), the price
     * having moved over the trading time in between.
     */
    public GeneratedTick next(Instrument instrument, TickState previous, long timeMicros) {
        long time = Math.max(timeMicros, previous.timeMicros());
        return next(instrument, previous, time, calendar.tradingSecondsBetween(previous.timeMicros(), time));
    }

    /**
     * The tick after {@code previous}, stamped {@code timeMicros} (not before the previous tick), the price having
     * moved over {@code tradingSeconds}: a clock whose event times are not a function of the stream (the wall
     * clock) passes a span that is, so a replayed tick has the same price.
     */
    public GeneratedTick next(Instrument instrument, TickState previous, long timeMicros, double tradingSeconds) {
        long time = Math.max(timeMicros, previous.timeMicros());
        long seq = previous.seq() + 1;
        CounterRandom random = CounterRandom.of(seed, instrument.symbol(), seq, PURPOSE);

        double dtYears = tradingSeconds / calendar.tradingSecondsPerYear();
        double mid = prices.evolve(previous.mid(), instrument.volatility(), dtYears, random);
        Quote quote = quotes.quote(mid, random);
        long price = quotes.tradePrice(quote, random);
        int size = sizes.sample(random);

        boolean sameSession = calendar.sessionAtOrAfter(previous.timeMicros())
                .date()
                .equals(calendar.sessionAtOrAfter(time).date());
        long dayVolume = (sameSession ? previous.dayVolume() : 0) + size;

        Tick tick = new Tick(
                instrument.symbol(),
                instrument.exchange(),
                EpochMicros.toMillis(time),
                seq,
                PriceGrid.toDollars(price),
                size,
                PriceGrid.toDollars(quote.bidUnits()),
                PriceGrid.toDollars(quote.askUnits()),
                quote.bidSize(),
                quote.askSize(),
                dayVolume);
        return new GeneratedTick(tick, new TickState(seq, mid, time, dayVolume));
    }
}
