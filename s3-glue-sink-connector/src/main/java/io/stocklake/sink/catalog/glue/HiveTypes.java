package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.format.ConnectDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The Hive column types of a Connect value schema, as Athena reads the files the sink writes: Timestamp as
 * {@code timestamp}, Date as {@code date}, Decimal as {@code decimal(p,s)}, nested values as
 * {@code struct<...>}, {@code array<...>} and {@code map<...>}.
 */
final class HiveTypes {

    /** Column parameter marking a column whose Connect field was required; absent means optional. */
    static final String REQUIRED_PARAMETER = "stocklake.required";

    /**
     * Schema parameter holding the Hive type a schema was read from (a table's {@code varchar(10)}, which Connect
     * holds as a string): the column keeps that type.
     */
    static final String HIVE_TYPE_PARAMETER = "stocklake.hive.type";

    /** Connect's Decimal carries only a scale; converters that know the precision put it here. */
    private HiveTypes() {}

    /** One column per top-level field; DataException naming the field when a schema has no Hive form. */
    static List<Column> columns(Schema valueSchema, TableFormat format) {
        if (valueSchema.type() != Schema.Type.STRUCT) {
            throw new DataException(
                    "a Glue table needs STRUCT record values; got a " + valueSchema.type() + " value schema");
        }
        List<Column> columns = new ArrayList<>();
        for (Field field : valueSchema.fields()) {
            Column.Builder column = Column.builder()
                    .name(field.name().toLowerCase(java.util.Locale.ROOT))
                    .type(type(field.schema(), format, field.name()));
            if (!field.schema().isOptional()) {
                column.parameters(Map.of(REQUIRED_PARAMETER, "true"));
            }
            columns.add(column.build());
        }
        return columns;
    }

    static String type(Schema schema, TableFormat format, String path) {
        if (schema.parameters() != null && schema.parameters().containsKey(HIVE_TYPE_PARAMETER)) {
            return schema.parameters().get(HIVE_TYPE_PARAMETER);
        }
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return "timestamp";
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return "date";
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            // Hive has no time type: text formats write HH:mm:ss.SSS, Parquet milliseconds of the day.
            return format == TableFormat.PARQUET ? "int" : "string";
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return "decimal(" + ConnectDecimal.precision(schema, path) + "," + ConnectDecimal.scale(schema, path) + ")";
        }
        return switch (schema.type()) {
            case INT8 -> "tinyint";
            case INT16 -> "smallint";
            case INT32 -> "int";
            case INT64 -> "bigint";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case BYTES -> "binary";
            case ARRAY -> "array<" + type(schema.valueSchema(), format, path + "[]") + ">";
            case MAP ->
                "map<" + type(schema.keySchema(), format, path + "{key}") + ","
                        + type(schema.valueSchema(), format, path + "{value}") + ">";
            case STRUCT -> struct(schema, format, path);
        };
    }

    private static String struct(Schema schema, TableFormat format, String path) {
        if (schema.fields().isEmpty()) {
            throw new DataException("field " + path + " is a struct without fields, which Hive cannot declare");
        }
        StringBuilder type = new StringBuilder("struct<");
        for (Field field : schema.fields()) {
            if (type.length() > "struct<".length()) {
                type.append(',');
            }
            type.append(field.name().toLowerCase(java.util.Locale.ROOT))
                    .append(':')
                    .append(type(field.schema(), format, path + "." + field.name()));
        }
        return type.append('>').toString();
    }

    /** Types compare without case and blanks, as Glue and Athena print them differently. */
    static String normalized(String type) {
        return type == null ? "" : type.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
