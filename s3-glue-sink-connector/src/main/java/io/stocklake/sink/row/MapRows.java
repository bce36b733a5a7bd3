package io.stocklake.sink.row;

import io.stocklake.sink.format.ConnectDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schemaless values (maps, as {@code JsonConverter} with {@code schemas.enable=false} gives them) made into structs
 * of the value schema their Glue table declares. Keys match columns ignoring case, as Athena's JsonSerDe matches
 * them. A key the table has no column for is dropped and logged once: the table is what queries see, and Athena
 * itself ignores such keys, so a producer that adds a field before the table has it keeps flowing. A value that
 * does not fit its column's type is a bad record naming the field.
 */
final class MapRows {

    private static final Logger log = LoggerFactory.getLogger(MapRows.class);
    /** Dropped keys logged per table, at most: each once. */
    private static final int MAX_LOGGED_KEYS = 1000;

    /** Hive's timestamp text, and ISO-8601 without an offset: read as UTC, as the sink writes timestamps. */
    private static final DateTimeFormatter LOCAL_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter(Locale.ROOT);

    private final String table;
    private final Schema schema;
    private final Map<String, Field> fieldsByLowerName = new HashMap<>();
    private final Set<String> loggedKeys = new HashSet<>();
    private long droppedKeys;

    /** @param schema a STRUCT schema, the table's value columns */
    MapRows(String table, Schema schema) {
        this.table = table;
        this.schema = schema;
        for (Field field : schema.fields()) {
            fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
    }

    Schema schema() {
        return schema;
    }

    /** Keys dropped so far because the table has no column for them. */
    long droppedKeys() {
        return droppedKeys;
    }

    /** The map as a struct of the table's schema; DataException naming the field that does not fit. */
    Struct toStruct(Map<?, ?> map) {
        Struct struct = new Struct(schema);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String lower = key.toLowerCase(Locale.ROOT);
            Field field = fieldsByLowerName.get(lower);
            if (field == null) {
                dropped(key);
                continue;
            }
            if (!seen.add(lower)) {
                throw new DataException("field " + key + " is given twice (keys match the columns of Glue table "
                        + table + " ignoring case)");
            }
            struct.put(field, convert(field.schema(), entry.getValue(), field.name()));
        }
        for (Field field : schema.fields()) {
            if (!field.schema().isOptional() && struct.get(field) == null) {
                throw new DataException("field " + field.name() + " is missing, and column " + field.name()
                        + " of Glue table " + table + " is required");
            }
        }
        return struct;
    }

    private void dropped(String key) {
        droppedKeys++;
        if (loggedKeys.size() < MAX_LOGGED_KEYS && loggedKeys.add(key)) {
            log.warn(
                    "Glue table {} has no column {}: the key is dropped from the rows (logged once; add the column "
                            + "to the table and restart the connector to keep it)",
                    table,
                    key);
        }
    }

    static Object convert(Schema schema, Object value, String path) {
        if (value == null) {
            if (!schema.isOptional()) {
                throw mismatch(path, schema, null);
            }
            return null;
        }
        String logical = schema.name();
        try {
            if (Timestamp.LOGICAL_NAME.equals(logical)) {
                return new java.util.Date(timestampMillis(value, schema, path));
            }
            if (Date.LOGICAL_NAME.equals(logical)) {
                LocalDate day = value instanceof String text ? LocalDate.parse(text) : null;
                if (day == null) {
                    throw mismatch(path, schema, value);
                }
                return new java.util.Date(day.toEpochDay() * 86_400_000L);
            }
            if (Decimal.LOGICAL_NAME.equals(logical)) {
                return decimal(value, schema, path).setScale(ConnectDecimal.scale(schema, path));
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new DataException(
                    "field " + path + " holds " + shown(value) + ", which is no " + describe(schema) + ": "
                            + e.getMessage(),
                    e);
        }
        return switch (schema.type()) {
            case INT8 -> (byte) integral(value, schema, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT16 -> (short) integral(value, schema, path, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> (int) integral(value, schema, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integral(value, schema, path, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT32 -> number(value, schema, path).floatValue();
            case FLOAT64 -> number(value, schema, path).doubleValue();
            case BOOLEAN -> {
                if (!(value instanceof Boolean flag)) {
                    throw mismatch(path, schema, value);
                }
                yield flag;
            }
            // As JsonSerDe reads them: a number or boolean in a string column is its JSON text.
            case STRING -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    yield value.toString();
                }
                throw mismatch(path, schema, value);
            }
            case BYTES -> bytes(value, schema, path);
            case ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw mismatch(path, schema, value);
                }
                List<Object> converted = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    converted.add(convert(schema.valueSchema(), list.get(i), path + "[" + i + "]"));
                }
                yield converted;
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw mismatch(path, schema, value);
                }
                Map<Object, Object> converted = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Object key = mapKey(schema.keySchema(), entry.getKey(), path);
                    converted.put(key, convert(schema.valueSchema(), entry.getValue(), path + "{" + key + "}"));
                }
                yield converted;
            }
            case STRUCT -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw mismatch(path, schema, value);
                }
                yield nested(schema, map, path);
            }
        };
    }

    private static Struct nested(Schema schema, Map<?, ?> map, String path) {
        Struct struct = new Struct(schema);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Field field = schema.fields().stream()
                    .filter(f -> f.name().equalsIgnoreCase(key))
                    .findFirst()
                    .orElse(null);
            if (field != null) {
                struct.put(field, convert(field.schema(), entry.getValue(), path + "." + field.name()));
            }
        }
        for (Field field : schema.fields()) {
            if (!field.schema().isOptional() && struct.get(field) == null) {
                throw mismatch(path + "." + field.name(), field.schema(), null);
            }
        }
        return struct;
    }

    /** JSON object keys are text: a map column with other keys takes them parsed. */
    private static Object mapKey(Schema keySchema, Object key, String path) {
        if (key instanceof String text && keySchema.type() != Schema.Type.STRING) {
            try {
                Object parsed = new BigDecimal(text);
                return convert(keySchema, parsed, path + "{key}");
            } catch (NumberFormatException e) {
                throw mismatch(path + "{key}", keySchema, key);
            }
        }
        return convert(keySchema, key, path + "{key}");
    }

    private static long timestampMillis(Object value, Schema schema, String path) {
        if (value instanceof Number) {
            return integral(value, schema, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (!(value instanceof String text)) {
            throw mismatch(path, schema, value);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(text, LOCAL_TIMESTAMP)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        }
    }

    private static BigDecimal decimal(Object value, Schema schema, String path) {
        if (value instanceof String text) {
            return new BigDecimal(text.trim());
        }
        Number number = number(value, schema, path);
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static long integral(Object value, Schema schema, String path, long min, long max) {
        Number number = number(value, schema, path);
        BigDecimal exact;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            exact = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof BigInteger integer) {
            exact = new BigDecimal(integer);
        } else if (number instanceof BigDecimal decimal) {
            exact = decimal;
        } else {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw mismatch(path, schema, value);
            }
            exact = BigDecimal.valueOf(d);
        }
        try {
            long whole = exact.longValueExact();
            if (whole < min || whole > max) {
                throw mismatch(path, schema, value);
            }
            return whole;
        } catch (ArithmeticException e) {
            throw mismatch(path, schema, value);
        }
    }

    private static Number number(Object value, Schema schema, String path) {
        if (!(value instanceof Number number)) {
            throw mismatch(path, schema, value);
        }
        return number;
    }

    private static byte[] bytes(Object value, Schema schema, String path) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new DataException(
                        "field " + path + " holds text that is not base64, which a binary column " + "needs");
            }
        }
        throw mismatch(path, schema, value);
    }

    private static DataException mismatch(String path, Schema schema, Object value) {
        return new DataException("field " + path + " holds " + shown(value) + ", which does not fit its column type "
                + describe(schema));
    }

    private static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return (value instanceof Map ? "an object " : value instanceof List ? "an array " : "") + text;
    }

    private static String describe(Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return "timestamp (ISO-8601 text or epoch milliseconds)";
        }
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return "date (yyyy-MM-dd)";
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return "decimal with scale " + ConnectDecimal.scale(schema, "");
        }
        return schema.type().getName() + (schema.isOptional() ? "" : " (required)");
    }
}
