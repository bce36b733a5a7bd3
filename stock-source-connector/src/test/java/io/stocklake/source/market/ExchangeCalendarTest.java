package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ExchangeCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final ExchangeCalendar nyse =
            new ExchangeCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), new NyseTradingDays());

    private static long at(String localDateTime) {
        return EpochMicros.of(
                LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant());
    }

    @Test
    void aTimeInsideASessionBelongsToThatSession() {
        Session session = nyse.sessionAtOrAfter(at("2026-03-04T11:00"));

        assertThat(session.date()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(session.openMicros()).isEqualTo(at("2026-03-04T09:30"));
        assertThat(session.closeMicros()).isEqualTo(at("2026-03-04T16:00"));
    }

    @Test
    void afterTheCloseOnAFridayTheNextSessionIsMonday() {
        assertThat(nyse.sessionAtOrAfter(at("2026-03-06T16:00")).date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(nyse.isOpen(at("2026-03-07T12:00"))).isFalse();
    }

    @Test
    void theOpenFollowsDaylightSavingTime() {
        long winterOpen = nyse.sessionAtOrAfter(at("2026-03-06T12:00")).openMicros();
        long summerOpen = nyse.sessionAtOrAfter(at("2026-03-09T12:00")).openMicros();

        assertThat(EpochMicros.toInstant(winterOpen)).hasToString("2026-03-06T14:30:00Z");
        assertThat(EpochMicros.toInstant(summerOpen)).hasToString("2026-03-09T13:30:00Z");
    }

    @Test
    void anEarlyCloseShortensTheSession() {
        assertThat(nyse.sessionAtOrAfter(at("2026-11-27T10:00")).closeMicros()).isEqualTo(at("2026-11-27T13:00"));
    }

    @Test
    void advancingPastTheCloseContinuesAtTheNextOpen() {
        long tenMinutesBeforeFridayClose = at("2026-03-06T15:50");

        long later = nyse.advance(tenMinutesBeforeFridayClose, 15 * 60);

        assertThat(later).isEqualTo(at("2026-03-09T09:35"));
    }

    @Test
    void advancingFromBeforeTheOpenStartsAtTheOpen() {
        assertThat(nyse.advance(at("2026-03-04T06:00"), 60)).isEqualTo(at("2026-03-04T09:31"));
    }

    @Test
    void tradingTimeCountsOnlyOpenHours() {
        double seconds = nyse.tradingSecondsBetween(at("2026-03-06T15:00"), at("2026-03-09T10:30"));

        assertThat(seconds).isEqualTo(2 * 3600);
    }

    @Test
    void tradingTimeAndAdvanceAreInverse() {
        long from = at("2026-07-02T14:12:13.456789");
        long to = nyse.advance(from, 100_000.25);

        assertThat(nyse.tradingSecondsBetween(from, to)).isEqualTo(100_000.25);
    }

    @Test
    void aTradingYearIs252RegularSessions() {
        assertThat(nyse.tradingSecondsPerYear()).isEqualTo(252 * 6.5 * 3600);
    }

    @Test
    void weekdaysTradeOnHolidays() {
        ExchangeCalendar weekdays =
                new ExchangeCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), TradingDays.WEEKDAYS);

        assertThat(weekdays.isOpen(at("2026-12-25T12:00"))).isTrue();
        assertThat(nyse.isOpen(at("2026-12-25T12:00"))).isFalse();
    }
}
