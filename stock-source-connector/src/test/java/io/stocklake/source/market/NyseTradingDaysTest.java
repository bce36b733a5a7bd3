package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NyseTradingDaysTest {

    private final NyseTradingDays nyse = new NyseTradingDays();

    private List<LocalDate> weekdayHolidays(int year) {
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (TradingDays.isWeekday(day) && !nyse.isTradingDay(day)) {
                holidays.add(day);
            }
        }
        return holidays;
    }

    @Test
    void matchesThePublished2025HolidaysApartFromOneOffClosures() {
        // NYSE also closed on 2025-01-09 (national day of mourning), which no rule predicts.
        assertThat(weekdayHolidays(2025))
                .containsExactly(
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 1, 20),
                        LocalDate.of(2025, 2, 17),
                        LocalDate.of(2025, 4, 18),
                        LocalDate.of(2025, 5, 26),
                        LocalDate.of(2025, 6, 19),
                        LocalDate.of(2025, 7, 4),
                        LocalDate.of(2025, 9, 1),
                        LocalDate.of(2025, 11, 27),
                        LocalDate.of(2025, 12, 25));
    }

    @Test
    void matchesThePublished2026Holidays() {
        assertThat(weekdayHolidays(2026))
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 19),
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 4, 3),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 6, 19),
                        LocalDate.of(2026, 7, 3),
                        LocalDate.of(2026, 9, 7),
                        LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 12, 25));
    }

    @Test
    void matchesThePublished2027HolidaysWithSaturdayAndSundayObservances() {
        assertThat(weekdayHolidays(2027))
                .containsExactly(
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 1, 18),
                        LocalDate.of(2027, 2, 15),
                        LocalDate.of(2027, 3, 26),
                        LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 6, 18),
                        LocalDate.of(2027, 7, 5),
                        LocalDate.of(2027, 9, 6),
                        LocalDate.of(2027, 11, 25),
                        LocalDate.of(2027, 12, 24));
    }

    @Test
    void aSaturdayNewYearsDayClosesNoFriday() {
        assertThat(nyse.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(weekdayHolidays(2022))
                .doesNotContain(LocalDate.of(2021, 12, 31))
                .contains(LocalDate.of(2022, 6, 20), LocalDate.of(2022, 12, 26));
    }

    @Test
    void juneteenthIsAHolidayFrom2022Only() {
        assertThat(nyse.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
        assertThat(nyse.isTradingDay(LocalDate.of(2023, 6, 19))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24", "2024-07-03"})
    void closesAtOnePmOnThePublishedEarlyCloses(String date) {
        assertThat(nyse.earlyClose(LocalDate.parse(date))).contains(LocalTime.of(13, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-02", "2026-07-03", "2027-12-24", "2025-12-23"})
    void hasNoEarlyCloseOnOtherDays(String date) {
        assertThat(nyse.earlyClose(LocalDate.parse(date))).isEmpty();
    }

    @Test
    void computesEaster() {
        assertThat(NyseTradingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(NyseTradingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(NyseTradingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(NyseTradingDays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }
}
