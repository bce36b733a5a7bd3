package io.stocklake.sink.route;

import io.stocklake.sink.config.TimeSource;
import io.stocklake.sink.format.TimeRange;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** The instant that picks a record's time partition. */
@FunctionalInterface
public interface PartitionTime {

    /**
     * DataException when the record has no usable time: none, or one outside {@link TimeRange}, which no partition
     * folder can name (and whose arithmetic would overflow).
     */
    Instant of(SinkRecord record);

    static PartitionTime from(TimeSource source, String field, Clock clock) {
        return switch (source) {
            case FIELD -> fromField(new FieldPath(field));
            case RECORD ->
                record -> {
                    if (record.timestamp() == null || record.timestamp() < 0) {
                        throw new DataException("record has no timestamp");
                    }
                    return inRange(record.timestamp(), "record timestamp");
                };
            case WALLCLOCK -> record -> clock.instant();
        };
    }

    private static PartitionTime fromField(FieldPath path) {
        String what = "time field " + path.name();
        return record -> {
            Object value = path.read(record.value());
            if (value instanceof Long || value instanceof Integer) {
                return inRange(((Number) value).longValue(), what);
            }
            if (value instanceof Date date) {
                return inRange(date.getTime(), what);
            }
            if (value instanceof String text) {
                Instant instant;
                try {
                    instant = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new DataException(what + " is not an ISO-8601 date-time with offset: " + text, e);
                } catch (DateTimeException e) {
                    throw new DataException(what + " holds " + text + ", which no instant can hold", e);
                }
                if (!TimeRange.holds(instant)) {
                    throw new DataException(what + " holds " + text + ", " + TimeRange.BOUNDS);
                }
                return instant;
            }
            throw new DataException(what + " is "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                    + ", expected epoch milliseconds, a Timestamp or an ISO-8601 string");
        };
    }

    private static Instant inRange(long epochMillis, String what) {
        if (!TimeRange.holdsMillis(epochMillis)) {
            throw new DataException(what + " holds " + TimeRange.describeMillis(epochMillis) + ", " + TimeRange.BOUNDS);
        }
        return Instant.ofEpochMilli(epochMillis);
    }
}
