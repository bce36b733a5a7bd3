package io.stocklake.source.ticks;

import io.stocklake.source.market.ArrivalModel;
import io.stocklake.source.market.SessionCalendar;
import java.util.function.LongSupplier;

/**
 * Event time from the model: each symbol's next tick time comes from the arrival process, independent of the
 * wall clock. Unpaced it runs as fast as it can; with an acceleration factor, trading time advances that many
 * times faster than the wall clock (closed hours are skipped, not waited out).
 */
final class SimulatedTickClock implements TickClock {

    private final ArrivalModel arrivals;
    private final SessionCalendar calendar;
    private final double acceleration;
    private final LongSupplier nanoTime;
    private boolean started;
    private long originMicros;
    private long originNanos;

    /**
     * @param acceleration trading seconds per wall second; 0 means as fast as possible
     */
    SimulatedTickClock(ArrivalModel arrivals, SessionCalendar calendar, double acceleration, LongSupplier nanoTime) {
        this.arrivals = arrivals;
        this.calendar = calendar;
        this.acceleration = acceleration;
        this.nanoTime = nanoTime;
    }

    @Override
    public void schedule(SymbolCursor cursor) {
        TickState state = cursor.state();
        long next = arrivals.arrival(cursor.instrument().symbol(), state.seq() + 1, state.timeMicros());
        cursor.schedule(next, next);
    }

    @Override
    public long nanosUntilDue(SymbolCursor cursor) {
        if (acceleration <= 0) {
            return 0;
        }
        if (!started) {
            // Pacing starts from where the earliest stream stands, so a resumed run does not replay idle time.
            started = true;
            originMicros = cursor.state().timeMicros();
            originNanos = nanoTime.getAsLong();
        }
        double dueAfterNanos =
                calendar.tradingSecondsBetween(originMicros, cursor.scheduledMicros()) / acceleration * 1e9;
        return (long) Math.ceil(dueAfterNanos - (nanoTime.getAsLong() - originNanos));
    }

    @Override
    public long eventTimeMicros(SymbolCursor cursor) {
        return cursor.scheduledMicros();
    }

    /** The trading time between the ticks' event times, which the model made: a replay finds the same. */
    @Override
    public double tradingSecondsBefore(SymbolCursor cursor, long eventTimeMicros) {
        long previous = cursor.state().timeMicros();
        return calendar.tradingSecondsBetween(previous, Math.max(previous, eventTimeMicros));
    }

    @Override
    public void emitted() {}
}
