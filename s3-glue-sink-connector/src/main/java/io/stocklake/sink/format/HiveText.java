package io.stocklake.sink.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Text renderings of Connect's logical types that Hive's text SerDes (and so Athena) parse as typed values:
 * {@code TIMESTAMP} needs a space between date and time, not ISO's {@code T}. Shared by JSON lines and CSV so
 * both formats agree.
 */
final class HiveText {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private HiveText() {
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC. */
    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code yyyy-MM-dd}. */
    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** {@code HH:mm:ss.SSS}: Hive has no TIME type, so a time of day stays text. */
    static String time(int millisOfDay) {
        return TIME.format(LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L));
    }

    /** Plain digits, never exponent notation such as {@code 1E+3}: the form every SQL reader parses. */
    static String decimal(BigDecimal value) {
        return value.toPlainString();
    }
}
