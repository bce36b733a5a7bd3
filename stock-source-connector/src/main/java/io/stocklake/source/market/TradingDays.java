package io.stocklake.source.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** Which dates an exchange trades on, and on which of them it closes early. */
@FunctionalInterface
public interface TradingDays {

    /** Monday to Friday, no holidays. */
    TradingDays WEEKDAYS = TradingDays::isWeekday;

    boolean isTradingDay(LocalDate date);

    default Optional<LocalTime> earlyClose(LocalDate date) {
        return Optional.empty();
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
