package io.stocklake.source.market;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Sessions from a daily open and close in an exchange's time zone, on the dates {@link TradingDays} allows.
 * Not thread-safe: it remembers the last session it found, which is the one nearly every tick falls in.
 */
public final class ExchangeCalendar implements SessionCalendar {

    private static final int TRADING_DAYS_PER_YEAR = 252;
    private static final int MAX_CLOSED_DAYS = 31;

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    private final TradingDays days;
    private Session last;

    public ExchangeCalendar(ZoneId zone, LocalTime open, LocalTime close, TradingDays days) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.open = Objects.requireNonNull(open, "open");
        this.close = Objects.requireNonNull(close, "close");
        this.days = Objects.requireNonNull(days, "days");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("the session must open before it closes: " + open + " - " + close);
        }
    }

    @Override
    public Session sessionAtOrAfter(long micros) {
        Session cached = last;
        if (cached != null && cached.contains(micros)) {
            return cached;
        }
        LocalDate date = EpochMicros.toInstant(micros).atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_CLOSED_DAYS; i++) {
            LocalDate candidate = date.plusDays(i);
            if (days.isTradingDay(candidate)) {
                Session session = sessionOn(candidate);
                if (micros < session.closeMicros()) {
                    last = session;
                    return session;
                }
            }
        }
        throw new IllegalStateException("no trading day within " + MAX_CLOSED_DAYS + " days after " + date);
    }

    @Override
    public double tradingSecondsPerYear() {
        return TRADING_DAYS_PER_YEAR * (double) Duration.between(open, close).toSeconds();
    }

    private Session sessionOn(LocalDate date) {
        LocalTime closing = days.earlyClose(date)
                .filter(early -> early.isBefore(close) && early.isAfter(open))
                .orElse(close);
        return new Session(date, micros(date, open), micros(date, closing));
    }

    private long micros(LocalDate date, LocalTime time) {
        return EpochMicros.of(ZonedDateTime.of(date, time, zone).toInstant());
    }
}
