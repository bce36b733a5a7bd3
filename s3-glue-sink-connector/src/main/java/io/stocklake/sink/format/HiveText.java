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
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private HiveText() {}

    /** Room for any {@link #timestamp(long, char[])}: years up to Instant's ±1,000,000,000 take 30 chars. */
    static final int TIMESTAMP_CHARS = 32;

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC. */
    static String timestamp(long epochMillis) {
        char[] text = new char[TIMESTAMP_CHARS];
        return new String(text, 0, timestamp(epochMillis, text));
    }

    /**
     * Writes {@link #timestamp(long)}'s text into {@code text} (at least {@link #TIMESTAMP_CHARS} long) from index
     * 0 and returns its length: the JSON encoder hands these chars to its generator without making a String, once
     * per tick. Years 0-9999 are written digit by digit, as the formatter costs far more per call (EncoderBench);
     * other years (signed or longer) go through the formatter.
     */
    static int timestamp(long epochMillis, char[] text) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            String formatted = TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
            formatted.getChars(0, formatted.length(), text, 0);
            return formatted.length();
        }
        int millis = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        digits(text, 0, 4, date.getYear());
        text[4] = '-';
        digits(text, 5, 2, date.getMonthValue());
        text[7] = '-';
        digits(text, 8, 2, date.getDayOfMonth());
        text[10] = ' ';
        digits(text, 11, 2, millis / 3_600_000);
        text[13] = ':';
        digits(text, 14, 2, millis / 60_000 % 60);
        text[16] = ':';
        digits(text, 17, 2, millis / 1_000 % 60);
        text[19] = '.';
        digits(text, 20, 3, millis % 1_000);
        return 23;
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, ending before {@code start + width}. */
    static void digits(char[] text, int start, int width, int value) {
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
