package io.stocklake.source.market;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Trading around the clock, every day (like crypto venues). A session is one calendar day in the zone, which is
 * when the day volume starts again from zero.
 */
public final class AlwaysOpenCalendar implements SessionCalendar {

    private static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    private final ZoneId zone;
    private Session last;

    public AlwaysOpenCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Session sessionAtOrAfter(long micros) {
        Session cached = last;
        if (cached != null && cached.contains(micros)) {
            return cached;
        }
        LocalDate date = EpochMicros.toInstant(micros).atZone(zone).toLocalDate();
        Session session = new Session(date, startOf(date), startOf(date.plusDays(1)));
        last = session;
        return session;
    }

    @Override
    public double tradingSecondsPerYear() {
        return SECONDS_PER_YEAR;
    }

    private long startOf(LocalDate date) {
        return EpochMicros.of(date.atStartOfDay(zone).toInstant());
    }
}
