package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArrivalModelTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final ExchangeCalendar calendar =
            new ExchangeCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), new NyseTradingDays());
    private final long monday = EpochMicros.of(
            LocalDateTime.parse("2026-03-02T09:30").atZone(NEW_YORK).toInstant());

    @Test
    void ticksArriveAtTheConfiguredMeanRate() {
        ArrivalModel arrivals = new ArrivalModel(1, calendar, IntradayProfile.FLAT, 2.0);
        long time = monday;
        int n = 20_000;
        for (int seq = 1; seq <= n; seq++) {
            time = arrivals.arrival("X", seq, time);
        }
        assertThat(calendar.tradingSecondsBetween(monday, time) / n).isCloseTo(0.5, within(0.01));
    }

    @Test
    void theUShapeCrowdsTicksAroundTheBells() {
        ArrivalModel arrivals = new ArrivalModel(1, calendar, new IntradayProfile(3), 1.0);
        int firstHalfHour = 0;
        int middayHalfHour = 0;
        long time = monday;
        for (int seq = 1; calendar.sessionAtOrAfter(time).date().getDayOfMonth() == 2; seq++) {
            time = arrivals.arrival("X", seq, time);
            double minutes = (time - monday) / 60e6;
            if (minutes < 30) {
                firstHalfHour++;
            } else if (minutes >= 180 && minutes < 210) {
                middayHalfHour++;
            }
        }
        assertThat(firstHalfHour).isGreaterThan(3 * middayHalfHour);
    }

    @Test
    void arrivalsFallInsideSessions() {
        ArrivalModel arrivals = new ArrivalModel(1, calendar, new IntradayProfile(3), 0.001);
        long time = monday;
        for (int seq = 1; seq <= 200; seq++) {
            time = arrivals.arrival("X", seq, time);
            assertThat(calendar.isOpen(time)).isTrue();
        }
    }
}
