package io.stocklake.source.market;

/**
 * When the market is open. Time is in epoch microseconds; "trading time" counts only time inside sessions,
 * which is the clock the price process and the arrival process run on.
 */
public interface SessionCalendar {

    /** The session that contains {@code micros}, or else the next one to open. */
    Session sessionAtOrAfter(long micros);

    /** Trading seconds in a year, to turn annualised drift and volatility into per-tick moves. */
    double tradingSecondsPerYear();

    default boolean isOpen(long micros) {
        return sessionAtOrAfter(micros).contains(micros);
    }

    /** Trading seconds in [from, to); 0 if {@code to <= from}. */
    default double tradingSecondsBetween(long from, long to) {
        long total = 0;
        long t = from;
        while (t < to) {
            Session session = sessionAtOrAfter(t);
            if (session.openMicros() >= to) {
                break;
            }
            total += Math.min(to, session.closeMicros()) - Math.max(t, session.openMicros());
            t = session.closeMicros();
        }
        return total / 1e6;
    }

    /** The instant {@code tradingSeconds} of trading time after {@code from}, skipping closed periods. */
    default long advance(long from, double tradingSeconds) {
        long remaining = Math.round(tradingSeconds * 1e6);
        Session session = sessionAtOrAfter(from);
        long t = Math.max(from, session.openMicros());
        while (t + remaining >= session.closeMicros()) {
            remaining -= session.closeMicros() - t;
            session = sessionAtOrAfter(session.closeMicros());
            t = session.openMicros();
        }
        return t + remaining;
    }
}
