package io.stocklake.sink.format;

import java.math.BigInteger;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a Connect struct schema, in the forms Athena (Hive and Trino readers) maps to SQL
 * types: timestamps as INT64 TIMESTAMP(MILLIS, UTC), never INT96; lists and maps in the standard three-level
 * layout; optional Connect fields as OPTIONAL.
 */
final class ParquetSchemas {

    static final String LIST_GROUP = "list";
    static final String LIST_ELEMENT = "element";
    static final String MAP_GROUP = "key_value";
    static final String MAP_KEY = "key";
    static final String MAP_VALUE = "value";

    private ParquetSchemas() {}

    /** Fails with a {@link DataException} naming the field when the schema has no Parquet form. */
    static MessageType of(Schema valueSchema) {
        if (valueSchema == null) {
            throw new DataException("Parquet needs a value schema; got schemaless values (use JSON lines for those)");
        }
        if (valueSchema.type() != Schema.Type.STRUCT) {
            throw new DataException("Parquet needs a STRUCT value schema; got " + valueSchema.type());
        }
        if (valueSchema.fields().isEmpty()) {
            throw new DataException("Parquet needs a value schema with at least one field");
        }
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : valueSchema.fields()) {
            message.addField(type(field.name(), field.schema(), repetition(field.schema()), field.name()));
        }
        return message.named("record");
    }

    /** Bytes of a two's-complement FIXED_LEN_BYTE_ARRAY that holds every unscaled value of {@code precision}. */
    static int decimalBytes(int precision) {
        int bits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).bitLength() + 1;
        return (bits + 7) / 8;
    }

    private static Repetition repetition(Schema schema) {
        return schema.isOptional() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    }

    private static Type type(String name, Schema schema, Repetition repetition, String path) {
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS))
                    .named(name);
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType())
                    .named(name);
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MILLIS))
                    .named(name);
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            // FIXED_LEN_BYTE_ARRAY is the decimal form every Hive-lineage reader accepts, at any precision.
            int precision = ConnectDecimal.precision(schema, path);
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                    .length(decimalBytes(precision))
                    .as(LogicalTypeAnnotation.decimalType(ConnectDecimal.scale(schema, path), precision))
                    .named(name);
        }
        return switch (schema.type()) {
            case INT8 -> int32(name, repetition, 8);
            case INT16 -> int32(name, repetition, 16);
            case INT32 -> int32(name, repetition, 32);
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case FLOAT64 ->
                Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case BOOLEAN ->
                Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case STRING ->
                Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(name);
            case BYTES -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case STRUCT -> struct(name, schema, repetition, path);
            case ARRAY -> list(name, schema, repetition, path);
            case MAP -> map(name, schema, repetition, path);
        };
    }

    private static Type int32(String name, Repetition repetition, int bits) {
        return Types.primitive(PrimitiveTypeName.INT32, repetition)
                .as(LogicalTypeAnnotation.intType(bits, true))
                .named(name);
    }

    private static Type struct(String name, Schema schema, Repetition repetition, String path) {
        if (schema.fields().isEmpty()) {
            throw FieldValue.error(path, "is a struct without fields, which Parquet cannot hold");
        }
        Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
        for (Field field : schema.fields()) {
            group.addField(type(
                    field.name(), field.schema(), repetition(field.schema()), FieldValue.path(path, field.name())));
        }
        return group.named(name);
    }

    private static Type list(String name, Schema schema, Repetition repetition, String path) {
        Schema element = schema.valueSchema();
        return Types.buildGroup(repetition)
                .as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup()
                        .addField(type(LIST_ELEMENT, element, repetition(element), path + "[]"))
                        .named(LIST_GROUP))
                .named(name);
    }

    private static Type map(String name, Schema schema, Repetition repetition, String path) {
        Schema value = schema.valueSchema();
        return Types.buildGroup(repetition)
                .as(LogicalTypeAnnotation.mapType())
                .addField(Types.repeatedGroup()
                        // Parquet map keys are never null, whatever Connect's key schema says.
                        .addField(type(MAP_KEY, schema.keySchema(), Repetition.REQUIRED, path + "{key}"))
                        .addField(type(MAP_VALUE, value, repetition(value), path + "{value}"))
                        .named(MAP_GROUP))
                .named(name);
    }
}
