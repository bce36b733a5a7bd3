package io.stocklake.source.market;

/**
 * When each symbol trades next: a Poisson process in trading time whose intensity follows the intraday profile.
 *
 * <p>The gap after tick {@code seq} is {@code E / (rate * profile(now))} with {@code E ~ Exp(1)} drawn from the
 * counter-based stream of (seed, symbol, seq), so arrival times are reproducible from the offset alone. The
 * intensity is held at its value at the previous tick for the length of one gap, which is exact for a flat
 * profile and a close approximation whenever gaps are short against the session.
 */
public final class ArrivalModel {

    /** Draw stream of arrivals; distinct from every other purpose drawn for the same tick. */
    public static final int PURPOSE = 2;

    private final long seed;
    private final SessionCalendar calendar;
    private final IntradayProfile profile;
    private final double ratePerSymbol;

    /**
     * @param ratePerSymbol mean ticks per trading second of one symbol
     */
    public ArrivalModel(long seed, SessionCalendar calendar, IntradayProfile profile, double ratePerSymbol) {
        if (!(ratePerSymbol > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSymbol);
        }
        this.seed = seed;
        this.calendar = calendar;
        this.profile = profile;
        this.ratePerSymbol = ratePerSymbol;
    }

    /** The unit-rate exponential gap that precedes tick {@code seq}: the randomness behind its arrival. */
    public double unitGap(String symbol, long seq) {
        return CounterRandom.of(seed, symbol, seq, PURPOSE).nextExponential();
    }

    /**
     * The gap before tick {@code seq} at the symbol's mean rate, in trading seconds, ignoring the intraday profile:
     * how far a wall-clock stream's price moves before that tick, a function of (seed, symbol, seq) alone.
     */
    public double meanRateGapSeconds(String symbol, long seq) {
        return unitGap(symbol, seq) / ratePerSymbol;
    }

    /** The event time of tick {@code seq}, the previous tick (or the start) having been at {@code previous}. */
    public long arrival(String symbol, long seq, long previous) {
        Session session = calendar.sessionAtOrAfter(previous);
        long from = Math.max(previous, session.openMicros());
        double intensity = ratePerSymbol * profile.factor(session.fraction(from));
        return calendar.advance(from, unitGap(symbol, seq) / intensity);
    }
}
