package io.stocklake.source.ticks;

import io.stocklake.source.market.ArrivalModel;
import io.stocklake.source.market.SessionCalendar;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * The ticks of one task's symbols, merged in the order they are due. Never blocks: it hands out what is due now
 * and says how long until the next tick is.
 */
public final class TickStream {

    private final PriorityQueue<SymbolCursor> due =
            new PriorityQueue<>(Comparator.comparingDouble(SymbolCursor::dueKey).thenComparingInt(SymbolCursor::index));
    private final TickGenerator generator;
    private final TickClock clock;
    private long nanosUntilNext;

    /**
     * Event times from the model.
     *
     * @param acceleration trading seconds per wall second; 0 runs as fast as possible
     */
    public static TickStream simulated(
            List<SymbolCursor> cursors,
            TickGenerator generator,
            ArrivalModel arrivals,
            SessionCalendar calendar,
            double acceleration,
            LongSupplier nanoTime) {
        return new TickStream(cursors, generator, new SimulatedTickClock(arrivals, calendar, acceleration, nanoTime));
    }

    /**
     * Event times from the wall clock, at {@code ratePerSecond} while a session is open.
     */
    public static TickStream realtime(
            List<SymbolCursor> cursors,
            TickGenerator generator,
            ArrivalModel arrivals,
            SessionCalendar calendar,
            double ratePerSecond,
            Clock wall,
            LongSupplier nanoTime) {
        TokenBucket bucket = new TokenBucket(ratePerSecond, nanoTime);
        return new TickStream(cursors, generator, new RealtimeTickClock(arrivals, calendar, bucket, wall));
    }

    TickStream(List<SymbolCursor> cursors, TickGenerator generator, TickClock clock) {
        this.generator = generator;
        this.clock = clock;
        for (SymbolCursor cursor : cursors) {
            if (cursor.hasBudget()) {
                clock.schedule(cursor);
                due.add(cursor);
            }
        }
    }

    /** Up to {@code max} ticks that are due now, in order; empty if none is. */
    public List<GeneratedTick> poll(int max) {
        List<GeneratedTick> ticks = new ArrayList<>(Math.min(max, 1024));
        nanosUntilNext = 0;
        while (ticks.size() < max && !due.isEmpty()) {
            SymbolCursor cursor = due.peek();
            long wait = clock.nanosUntilDue(cursor);
            if (wait > 0) {
                nanosUntilNext = wait;
                break;
            }
            due.poll();
            long time = clock.eventTimeMicros(cursor);
            GeneratedTick tick =
                    generator.next(cursor.instrument(), cursor.state(), time, clock.tradingSecondsBefore(cursor, time));
            clock.emitted();
            cursor.advance(tick.state());
            ticks.add(tick);
            if (cursor.hasBudget()) {
                clock.schedule(cursor);
                due.add(cursor);
            }
        }
        return ticks;
    }

    /** How long, after the last {@link #poll}, until the next tick is due. */
    public long nanosUntilNext() {
        return nanosUntilNext;
    }

    /** True once every symbol has used up its share of {@code max.ticks}. */
    public boolean finished() {
        return due.isEmpty();
    }
}
