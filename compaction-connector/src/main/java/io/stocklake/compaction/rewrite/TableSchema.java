package io.stocklake.compaction.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schema of a table's current columns (Hive types as the sink declares them), every field optional: a
 * file written before a column existed has no value for it, which reads as NULL, as Athena reads it.
 */
public final class TableSchema {

    /** A table column: its name and Hive type, as the catalog holds them. */
    public record Column(String name, String type) {}

    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

    private TableSchema() {}

    /** IllegalArgumentException naming the column when a type has no flat Parquet form compaction rewrites. */
    public static Schema of(String table, List<Column> columns) {
        SchemaBuilder struct = SchemaBuilder.struct().name(table).optional();
        for (Column column : columns) {
            struct.field(column.name().toLowerCase(Locale.ROOT), field(table, column));
        }
        return struct.build();
    }

    private static Schema field(String table, Column column) {
        String type = column.type().trim().toLowerCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Decimal.builder(Integer.parseInt(decimal.group(2)))
                    .parameter("connect.decimal.precision", decimal.group(1))
                    .optional()
                    .build();
        }
        return switch (type) {
            case "string", "varchar", "char" -> Schema.OPTIONAL_STRING_SCHEMA;
            case "bigint" -> Schema.OPTIONAL_INT64_SCHEMA;
            case "int", "integer" -> Schema.OPTIONAL_INT32_SCHEMA;
            case "smallint" -> Schema.OPTIONAL_INT16_SCHEMA;
            case "tinyint" -> Schema.OPTIONAL_INT8_SCHEMA;
            case "double" -> Schema.OPTIONAL_FLOAT64_SCHEMA;
            case "float" -> Schema.OPTIONAL_FLOAT32_SCHEMA;
            case "boolean" -> Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case "binary" -> Schema.OPTIONAL_BYTES_SCHEMA;
            case "timestamp" -> Timestamp.builder().optional().build();
            case "date" -> Date.builder().optional().build();
            default ->
                throw new IllegalArgumentException("column " + column.name() + " of table " + table + " has type "
                        + column.type() + ", which compaction does not rewrite (flat columns only)");
        };
    }
}
