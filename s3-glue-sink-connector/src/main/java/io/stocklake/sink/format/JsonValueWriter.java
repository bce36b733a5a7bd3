package io.stocklake.sink.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Writes a Connect value as JSON the way Hive's {@code JsonSerDe} reads it back into typed columns: field names
 * as given, timestamps and dates as {@link HiveText}, decimals as numbers, bytes as base64.
 */
final class JsonValueWriter {

    /** Schemas whose field names are kept encoded; past this many (schemas made anew per record?) start over. */
    private static final int MAX_NAMED_SCHEMAS = 64;
    /** Jackson writes plain decimal digits (WRITE_BIGDECIMAL_AS_PLAIN) only this far from the point. */
    private static final int MAX_PLAIN_SCALE = 9999;

    // Field names as quoted UTF-8, made once per schema rather than encoded again for every record (EncoderBench
    // measures the encoder). Keyed by identity: converters hand out one Schema instance per schema, and
    // ConnectSchema's hashCode walks the whole schema on every call.
    private final Map<Schema, SerializableString[]> fieldNames = new IdentityHashMap<>();
    private final char[] timestampText = new char[HiveText.TIMESTAMP_CHARS];
    private final char[] numberText = new char[ShortDecimal.MAX_CHARS];

    /** Writes a value described by {@code schema}; a null schema means a schemaless value (maps, lists, scalars). */
    void write(JsonGenerator json, Schema schema, Object value, String path) throws IOException {
        if (schema == null) {
            writeSchemaless(json, value, path);
        } else {
            writeTyped(json, schema, value, path);
        }
    }

    private void writeTyped(JsonGenerator json, Schema schema, Object value, String path) throws IOException {
        if (value == null) {
            FieldValue.requireOptional(schema, path);
            json.writeNull();
            return;
        }
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            long millis = FieldValue.epochMillis(schema, value, path);
            json.writeString(timestampText, 0, HiveText.timestamp(millis, timestampText));
            return;
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            json.writeString(HiveText.date(FieldValue.epochDay(schema, value, path)));
            return;
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            json.writeString(HiveText.time(FieldValue.millisOfDay(schema, value, path)));
            return;
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            json.writeNumber(FieldValue.decimal(schema, value, path));
            return;
        }
        switch (schema.type()) {
            case INT8 -> json.writeNumber(FieldValue.require(Byte.class, value, schema, path));
            case INT16 -> json.writeNumber(FieldValue.require(Short.class, value, schema, path));
            case INT32 -> json.writeNumber(FieldValue.require(Integer.class, value, schema, path));
            case INT64 -> json.writeNumber(FieldValue.require(Long.class, value, schema, path));
            case FLOAT32 -> json.writeNumber(FieldValue.require(Float.class, value, schema, path));
            case FLOAT64 -> writeDouble(json, FieldValue.require(Double.class, value, schema, path));
            case BOOLEAN -> json.writeBoolean(FieldValue.require(Boolean.class, value, schema, path));
            case STRING -> json.writeString(FieldValue.require(String.class, value, schema, path));
            case BYTES -> json.writeBinary(FieldValue.bytes(value, path));
            case STRUCT -> writeStruct(json, FieldValue.require(Struct.class, value, schema, path), path);
            case ARRAY -> writeArray(json, schema, FieldValue.require(List.class, value, schema, path), path);
            case MAP -> writeMap(json, schema, FieldValue.require(Map.class, value, schema, path), path);
            default -> throw FieldValue.error(path, "has unsupported type " + schema.type());
        }
    }

    private void writeDouble(JsonGenerator json, double value) throws IOException {
        // Into a reused buffer: Double.toString would make a String per value, and ticks are mostly doubles
        // (SinkPutBench shows a JSON lines put's allocation).
        int length = ShortDecimal.format(value, numberText);
        if (length < 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(numberText, 0, length);
        }
    }

    private void writeStruct(JsonGenerator json, Struct struct, String path) throws IOException {
        json.writeStartObject();
        List<Field> fields = struct.schema().fields();
        SerializableString[] names = fieldNames(struct.schema());
        for (int i = 0; i < names.length; i++) {
            Field field = fields.get(i);
            String fieldPath = FieldValue.path(path, field.name());
            json.writeFieldName(names[i]);
            writeTyped(json, field.schema(), struct.get(field), fieldPath);
        }
        json.writeEndObject();
    }

    private SerializableString[] fieldNames(Schema schema) {
        SerializableString[] names = fieldNames.get(schema);
        if (names == null) {
            if (fieldNames.size() >= MAX_NAMED_SCHEMAS) {
                fieldNames.clear();
            }
            names = schema.fields().stream()
                    .map(f -> new SerializedString(f.name()))
                    .toArray(SerializableString[]::new);
            fieldNames.put(schema, names);
        }
        return names;
    }

    private void writeArray(JsonGenerator json, Schema schema, List<?> list, String path) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < list.size(); i++) {
            writeTyped(json, schema.valueSchema(), list.get(i), path + "[" + i + "]");
        }
        json.writeEndArray();
    }

    private void writeMap(JsonGenerator json, Schema schema, Map<?, ?> map, String path) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = mapKey(schema.keySchema(), entry.getKey(), path);
            json.writeFieldName(key);
            writeTyped(json, schema.valueSchema(), entry.getValue(), path + "[" + key + "]");
        }
        json.writeEndObject();
    }

    /** JSON object keys are text; Hive's JsonSerDe parses them back into the map's key type. */
    private static String mapKey(Schema keySchema, Object key, String path) {
        if (key == null) {
            throw FieldValue.error(path, "has a null map key");
        }
        if (keySchema != null && !keySchema.type().isPrimitive()) {
            throw FieldValue.error(path, "has map keys of type " + keySchema.type() + "; JSON keys must be primitive");
        }
        if (keySchema != null && Timestamp.LOGICAL_NAME.equals(keySchema.name())) {
            return HiveText.timestamp(FieldValue.epochMillis(keySchema, key, path));
        }
        if (keySchema != null && org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(keySchema.name())) {
            return HiveText.date(FieldValue.epochDay(keySchema, key, path));
        }
        if (key instanceof BigDecimal decimal) {
            return HiveText.decimal(decimal);
        }
        if (key instanceof String || key instanceof Number || key instanceof Boolean) {
            return key.toString();
        }
        throw FieldValue.error(path, "has a map key of type " + key.getClass().getName());
    }

    private void writeSchemaless(JsonGenerator json, Object value, String path) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Struct struct) {
            writeStruct(json, struct, path);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = mapKey(null, entry.getKey(), path);
                json.writeFieldName(key);
                writeSchemaless(json, entry.getValue(), FieldValue.path(path, key));
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (int i = 0; i < list.size(); i++) {
                writeSchemaless(json, list.get(i), path + "[" + i + "]");
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            writeDouble(json, number);
        } else if (value instanceof BigDecimal decimal) {
            if (Math.abs((long) decimal.scale()) > MAX_PLAIN_SCALE) {
                throw FieldValue.error(
                        path,
                        "holds " + FieldValue.shown(decimal) + ", too far from the point for " + "plain JSON digits");
            }
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            json.writeBinary(FieldValue.bytes(value, path));
        } else if (value instanceof Date date) {
            json.writeString(HiveText.timestamp(FieldValue.inTimeRange(date.getTime(), path)));
        } else {
            throw FieldValue.error(path, "holds a " + value.getClass().getName() + ", which has no JSON form");
        }
    }
}
