package io.stocklake.sink.route;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import io.stocklake.sink.config.TimeSource;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** The instant that picks a record's time partition. */
@FunctionalInterface
public interface PartitionTime {

    /** DataException when the record has no usable time. */
    Instant of(SinkRecord record);

    static PartitionTime from(TimeSource source, String field, Clock clock) {
        return switch (source) {
            case FIELD -> fromField(new FieldPath(field));
            case RECORD -> record -> {
                if (record.timestamp() == null || record.timestamp() < 0) {
                    throw new DataException("record has no timestamp");
                }
                return Instant.ofEpochMilli(record.timestamp());
            };
            case WALLCLOCK -> record -> clock.instant();
        };
    }

    private static PartitionTime fromField(FieldPath path) {
        return record -> {
            Object value = path.read(record.value());
            if (value instanceof Long || value instanceof Integer) {
                return Instant.ofEpochMilli(((Number) value).longValue());
            }
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (value instanceof String text) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new DataException("time field " + path.name() + " is not an ISO-8601 date-time with "
                            + "offset: " + text, e);
                }
            }
            throw new DataException("time field " + path.name() + " is "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                    + ", expected epoch milliseconds, a Timestamp or an ISO-8601 string");
        };
    }
}
