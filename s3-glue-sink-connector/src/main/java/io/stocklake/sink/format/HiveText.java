package io.stocklake.sink.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

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
    static String timestamp(Schema schema, Date value) {
        return TIMESTAMP.format(Instant.ofEpochMilli(Timestamp.fromLogical(schema, value)));
    }

    /** {@code yyyy-MM-dd}; Connect rejects a date that is not midnight UTC. */
    static String date(Schema schema, Date value) {
        return LocalDate.ofEpochDay(org.apache.kafka.connect.data.Date.fromLogical(schema, value)).toString();
    }

    /** {@code HH:mm:ss.SSS}: Hive has no TIME type, so a time of day stays text. */
    static String time(Schema schema, Date value) {
        return TIME.format(LocalTime.ofNanoOfDay(Time.fromLogical(schema, value) * 1_000_000L));
    }

    /** Plain digits, never exponent notation such as {@code 1E+3}: the form every SQL reader parses. */
    static String decimal(BigDecimal value) {
        return value.toPlainString();
    }
}
