package io.stocklake.source.market;

/**
 * Places the best quote around the efficient price and picks the trade price inside it.
 *
 * <p>The spread is a log-normal multiple of a target spread in basis points, never less than one tick; the
 * trade prints at the bid or the ask (the bid-ask bounce of real tapes), sometimes inside a wider spread.
 *
 * @param spreadBps typical quoted spread, in basis points of the price
 */
public record QuoteModel(double spreadBps) {

    private static final double SPREAD_DISPERSION = 0.5;
    private static final double INSIDE_TRADE_PROBABILITY = 0.1;
    private static final double MEAN_EXTRA_LOTS = 4.0;
    private static final int LOT = 100;

    public QuoteModel {
        if (!(spreadBps >= 0)) {
            throw new IllegalArgumentException("spread must not be negative: " + spreadBps);
        }
    }

    public Quote quote(double mid, CounterRandom random) {
        double tick = PriceGrid.toDollars(PriceGrid.tickAt(PriceGrid.floor(mid)));
        double target = mid * spreadBps / 10_000 * StrictMath.exp(SPREAD_DISPERSION * random.nextGaussian());
        long spreadTicks = Math.max(1, Math.round(target / tick));
        // Centres the spread on the mid: bid <= mid <= ask holds for every spread of one tick or more.
        long bid = PriceGrid.floor(mid - (spreadTicks - 1) * tick / 2);
        long ask = Math.max(PriceGrid.ceil(bid + spreadTicks * PriceGrid.tickAt(bid)), PriceGrid.ceil(mid));
        if (ask <= bid) {
            ask = PriceGrid.above(bid);
        }
        return new Quote(bid, ask, lots(random), lots(random));
    }

    /** A trade price on the grid within [bid, ask]. */
    public long tradePrice(Quote quote, CounterRandom random) {
        double side = random.nextDouble();
        double level = random.nextDouble();
        long bid = quote.bidUnits();
        long ask = quote.askUnits();
        long tick = PriceGrid.tickAt(bid);
        long insideLevels = tick == PriceGrid.tickAt(ask) ? (ask - bid) / tick - 1 : 0;
        if (insideLevels > 0 && side < INSIDE_TRADE_PROBABILITY) {
            return bid + tick * (1 + (long) (level * insideLevels));
        }
        return side < (1 + INSIDE_TRADE_PROBABILITY) / 2 ? bid : ask;
    }

    private static int lots(CounterRandom random) {
        return LOT * (1 + (int) Math.min(1_000, random.nextExponential() * MEAN_EXTRA_LOTS));
    }
}
