package io.stocklake.source.ticks;

import io.stocklake.source.market.ArrivalModel;
import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.Session;
import io.stocklake.source.market.SessionCalendar;
import java.time.Clock;

/**
 * Event time from the wall clock, paced by a token bucket at the task's share of the rate, and only while the
 * calendar has a session open. Which symbol takes the next token follows each symbol's own arrival draws, so
 * symbols interleave like independent Poisson streams rather than in a fixed rotation.
 */
final class RealtimeTickClock implements TickClock {

    private final ArrivalModel arrivals;
    private final SessionCalendar calendar;
    private final TokenBucket bucket;
    private final Clock wall;

    RealtimeTickClock(ArrivalModel arrivals, SessionCalendar calendar, TokenBucket bucket, Clock wall) {
        this.arrivals = arrivals;
        this.calendar = calendar;
        this.bucket = bucket;
        this.wall = wall;
    }

    @Override
    public void schedule(SymbolCursor cursor) {
        double gap =
                arrivals.unitGap(cursor.instrument().symbol(), cursor.state().seq() + 1);
        cursor.schedule(cursor.dueKey() + gap, 0);
    }

    @Override
    public long nanosUntilDue(SymbolCursor cursor) {
        long now = EpochMicros.of(wall.instant());
        Session session = calendar.sessionAtOrAfter(now);
        if (!session.contains(now)) {
            return (session.openMicros() - now) * 1_000;
        }
        return bucket.nanosUntilAvailable();
    }

    @Override
    public long eventTimeMicros(SymbolCursor cursor) {
        return EpochMicros.of(wall.instant());
    }

    /**
     * Not the wall time since the previous tick: a (symbol, seq) replayed after a restart is emitted later than the
     * first time, and would move the price differently. The span is the tick's own arrival gap at the symbol's
     * mean rate, drawn from (seed, symbol, seq) as in the simulated clock, so prices, quotes and sizes are a
     * function of the stream alone and the wall clock only paces emission and stamps event times.
     */
    @Override
    public double tradingSecondsBefore(SymbolCursor cursor, long eventTimeMicros) {
        return arrivals.meanRateGapSeconds(
                cursor.instrument().symbol(), cursor.state().seq() + 1);
    }

    @Override
    public void emitted() {
        bucket.take();
    }
}
