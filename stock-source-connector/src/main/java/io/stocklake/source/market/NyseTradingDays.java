package io.stocklake.source.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * NYSE trading days by the exchange's published rules (NYSE Rule 7.2): weekends and the ten regular holidays
 * closed, 13:00 early closes before Independence Day, after Thanksgiving and on Christmas Eve.
 *
 * <p>A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after; New Year's Day on a
 * Saturday is not observed at all (the Friday before ends the accounting year). One-off closures (national days
 * of mourning, weather) cannot be derived by rule and are not included.
 */
public final class NyseTradingDays implements TradingDays {

    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    private static final int JUNETEENTH_FIRST_YEAR = 2022;

    @Override
    public boolean isTradingDay(LocalDate date) {
        return TradingDays.isWeekday(date) && !isHoliday(date);
    }

    @Override
    public Optional<LocalTime> earlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        boolean beforeIndependenceDay = date.getMonth() == Month.JULY && date.getDayOfMonth() == 3;
        boolean afterThanksgiving = date.minusDays(1).equals(thanksgiving(date.getYear()));
        boolean christmasEve = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24;
        return beforeIndependenceDay || afterThanksgiving || christmasEve ? Optional.of(EARLY_CLOSE) : Optional.empty();
    }

    public boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        return date.equals(newYearsDay(year))
                || date.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || date.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || date.equals(easterSunday(year).minusDays(2))
                || date.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || year >= JUNETEENTH_FIRST_YEAR && date.equals(observed(LocalDate.of(year, Month.JUNE, 19)))
                || date.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || date.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || date.equals(thanksgiving(year))
                || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /** Saturday's New Year's Day is not moved to the Friday before, which is in the previous year. */
    private static LocalDate newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Western Easter, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
