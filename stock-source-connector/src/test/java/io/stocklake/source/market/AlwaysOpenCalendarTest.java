package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlwaysOpenCalendarTest {

    private final AlwaysOpenCalendar calendar = new AlwaysOpenCalendar(ZoneId.of("America/New_York"));

    @Test
    void isOpenOnWeekendsAndHolidaysAtNight() {
        assertThat(calendar.isOpen(EpochMicros.of(Instant.parse("2026-12-26T04:00:00Z"))))
                .isTrue();
    }

    @Test
    void aSessionIsACalendarDayInTheZone() {
        Session session = calendar.sessionAtOrAfter(EpochMicros.of(Instant.parse("2026-03-07T03:00:00Z")));

        assertThat(session.date()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(EpochMicros.toInstant(session.openMicros())).hasToString("2026-03-06T05:00:00Z");
    }

    @Test
    void theDayDaylightSavingTimeStartsHas23Hours() {
        Session session = calendar.sessionAtOrAfter(EpochMicros.of(Instant.parse("2026-03-08T12:00:00Z")));

        assertThat(session.closeMicros() - session.openMicros()).isEqualTo(23 * 3_600_000_000L);
    }

    @Test
    void tradingTimeIsWallTime() {
        long from = EpochMicros.of(Instant.parse("2026-03-06T12:00:00Z"));

        assertThat(calendar.advance(from, 3 * 86_400)).isEqualTo(from + 3 * 86_400_000_000L);
    }
}
