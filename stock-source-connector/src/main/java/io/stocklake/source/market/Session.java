package io.stocklake.source.market;

import java.time.LocalDate;

/** One trading session: its trading date and its open and close, in epoch microseconds, close exclusive. */
public record Session(LocalDate date, long openMicros, long closeMicros) {

    public Session {
        if (closeMicros <= openMicros) {
            throw new IllegalArgumentException("session closes before it opens on " + date);
        }
    }

    public boolean contains(long micros) {
        return micros >= openMicros && micros < closeMicros;
    }

    /** How far into the session {@code micros} is, from 0 at the open to 1 at the close. */
    public double fraction(long micros) {
        return (micros - openMicros) / (double) (closeMicros - openMicros);
    }
}
