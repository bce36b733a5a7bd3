package io.stocklake.sink.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

/**
 * Checked access to the Java value behind a Connect field, so every encoder fails the same way: with a
 * {@link DataException} that names the field path, before anything of the record reaches the file.
 */
final class FieldValue {

    private FieldValue() {}

    /** {@code parent.name}, or {@code name} at the top level (whose own path is empty). */
    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** A failure about the value at {@code path}. */
    static DataException error(String path, String problem) {
        return new DataException((path.isEmpty() ? "record value " : "field '" + path + "' ") + problem);
    }

    /** The field's value (or its schema default), or null when the field is absent and optional. */
    static Object of(Struct struct, Field field, String path) {
        Field own = struct.schema().field(field.name());
        if (own == null) {
            if (field.schema().isOptional()) {
                return null;
            }
            throw error(path, "is missing from the record's schema");
        }
        return struct.get(own);
    }

    /**
     * Fails when the struct carries a field that {@code expected} (the file's schema) lacks: its value would be
     * dropped silently. A changed schema needs a new file.
     */
    static void requireSameFields(Struct struct, Schema expected, String path) {
        Schema actual = struct.schema();
        if (actual == expected) {
            return;
        }
        for (Field field : actual.fields()) {
            if (expected.field(field.name()) == null) {
                throw error(path(path, field.name()), "is not in the file's schema; a changed schema needs a new file");
            }
        }
    }

    /** Fails unless {@code schema} admits null. */
    static void requireOptional(Schema schema, String path) {
        if (!schema.isOptional()) {
            throw error(path, "is required but null");
        }
    }

    /** {@code value} as {@code type}; null only when the schema allows it. */
    static <T> T require(Class<T> type, Object value, Schema schema, String path) {
        if (value == null) {
            requireOptional(schema, path);
            return null;
        }
        if (!type.isInstance(value)) {
            throw error(
                    path,
                    "of type " + describe(schema) + " holds a "
                            + value.getClass().getName() + ", expected " + type.getName());
        }
        return type.cast(value);
    }

    /** Connect's BYTES may arrive as {@code byte[]} or {@code ByteBuffer}; a buffer is copied, not consumed. */
    static byte[] bytes(Object value, String path) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        throw error(path, "of type BYTES holds a " + value.getClass().getName());
    }

    /** Milliseconds since the epoch of a Connect {@code Timestamp}, inside {@link TimeRange}. */
    static long epochMillis(Schema schema, Object value, String path) {
        return inTimeRange(require(Date.class, value, schema, path).getTime(), path);
    }

    /** {@code epochMillis} when it lies inside {@link TimeRange}; no reader could hold it otherwise. */
    static long inTimeRange(long epochMillis, String path) {
        if (!TimeRange.holdsMillis(epochMillis)) {
            throw error(path, "holds " + TimeRange.describeMillis(epochMillis) + ", " + TimeRange.BOUNDS);
        }
        return epochMillis;
    }

    /** Days since the epoch of a Connect {@code Date}, which must be midnight UTC inside {@link TimeRange}. */
    static int epochDay(Schema schema, Object value, String path) {
        Date date = require(Date.class, value, schema, path);
        int day;
        try {
            day = org.apache.kafka.connect.data.Date.fromLogical(schema, date);
        } catch (DataException e) {
            throw error(path, "is not a valid Date: " + e.getMessage());
        }
        if (!TimeRange.holdsEpochDay(day)) {
            throw error(path, "holds " + TimeRange.describeMillis(date.getTime()) + ", " + TimeRange.BOUNDS);
        }
        return day;
    }

    /**
     * A Connect {@code Decimal}'s value, checked to fit the column's {@code DECIMAL(precision, scale)} (as the
     * catalog declares it) without rounding. The cheap digit counts come first, so a value with an absurd exponent
     * is refused before any arithmetic on it.
     */
    static BigDecimal decimal(Schema schema, Object value, String path) {
        BigDecimal decimal = require(BigDecimal.class, value, schema, path);
        int precision = ConnectDecimal.precision(schema, path);
        int scale = ConnectDecimal.scale(schema, path);
        if ((long) decimal.precision() - decimal.scale() > (long) precision - scale) {
            throw error(path, "holds " + shown(decimal) + ", beyond DECIMAL(" + precision + ", " + scale + ")");
        }
        if (decimal.scale() > scale && decimal.stripTrailingZeros().scale() > scale) {
            throw error(path, "holds " + shown(decimal) + ", which does not fit scale " + scale);
        }
        return decimal;
    }

    /** A decimal as an error message shows it: its text when short, else its size. */
    static String shown(BigDecimal decimal) {
        return decimal.precision() <= 40 && Math.abs((long) decimal.scale()) <= 40
                ? decimal.toPlainString()
                : "a " + decimal.precision() + "-digit number with scale " + decimal.scale();
    }

    /** Milliseconds since midnight of a Connect {@code Time}, which must lie within the epoch's first day. */
    static int millisOfDay(Schema schema, Object value, String path) {
        try {
            return Time.fromLogical(schema, require(Date.class, value, schema, path));
        } catch (DataException e) {
            throw error(path, "is not a valid Time: " + e.getMessage());
        }
    }

    static String describe(Schema schema) {
        return schema.name() != null
                ? schema.type() + " (" + schema.name() + ")"
                : schema.type().toString();
    }
}
