package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.format.ConnectDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The Connect value schema a table's columns declare, for values that come without one: the inverse of
 * {@link HiveTypes}, so that the sink's own check of the table finds the columns it read. Columns are optional
 * unless the sink marked them required; types Connect has no own form for ({@code varchar(n)}, {@code char(n)})
 * are strings that remember their Hive type.
 */
final class ConnectSchemas {

    private ConnectSchemas() {}

    /** CatalogException, permanent, naming the column whose type has no Connect form. */
    static Schema of(String qualifiedTable, List<Column> columns) {
        SchemaBuilder struct = SchemaBuilder.struct();
        for (Column column : columns) {
            String name = column.name().toLowerCase(Locale.ROOT);
            boolean required = column.parameters() != null
                    && "true".equals(column.parameters().get(HiveTypes.REQUIRED_PARAMETER));
            try {
                struct.field(name, parse(new TypeText(column.type()), required));
            } catch (IllegalArgumentException e) {
                throw CatalogException.permanent(
                        "column " + name + " of Glue table " + qualifiedTable + " has type " + column.type()
                                + ", which values without a schema cannot be converted to: " + e.getMessage(),
                        e);
            }
        }
        return struct.build();
    }

    /** Parses one Hive type ({@code map<string,array<int>>}) from the text at hand. */
    private static Schema parse(TypeText text, boolean required) {
        Schema schema = type(text);
        if (text.more()) {
            throw new IllegalArgumentException("unexpected '" + text.rest() + "'");
        }
        return required ? schema : optional(schema);
    }

    private static Schema type(TypeText text) {
        String word = text.word();
        SchemaBuilder builder = switch (word) {
            case "tinyint" -> SchemaBuilder.int8();
            case "smallint" -> SchemaBuilder.int16();
            case "int", "integer" -> SchemaBuilder.int32();
            case "bigint" -> SchemaBuilder.int64();
            case "float" -> SchemaBuilder.float32();
            case "double" -> SchemaBuilder.float64();
            case "boolean" -> SchemaBuilder.bool();
            case "string" -> SchemaBuilder.string();
            case "binary" -> SchemaBuilder.bytes();
            case "timestamp" -> Timestamp.builder();
            case "date" -> Date.builder();
            case "varchar", "char" -> {
                String length = text.arguments();
                yield SchemaBuilder.string().parameter(HiveTypes.HIVE_TYPE_PARAMETER, word + "(" + length + ")");
            }
            case "decimal" -> decimal(text);
            case "array" -> {
                text.expect('<');
                Schema element = optional(type(text));
                text.expect('>');
                yield SchemaBuilder.array(element);
            }
            case "map" -> {
                text.expect('<');
                Schema key = type(text);
                text.expect(',');
                Schema value = optional(type(text));
                text.expect('>');
                yield SchemaBuilder.map(key, value);
            }
            case "struct" -> {
                text.expect('<');
                SchemaBuilder struct = SchemaBuilder.struct();
                do {
                    String field = text.fieldName();
                    text.expect(':');
                    struct.field(field.toLowerCase(Locale.ROOT), optional(type(text)));
                } while (text.accept(','));
                text.expect('>');
                yield struct;
            }
            default -> throw new IllegalArgumentException("no Connect form for '" + word + "'");
        };
        return builder.build();
    }

    /** {@code decimal(p,s)}; a bare {@code decimal} is Hive's {@code decimal(10,0)}. */
    private static SchemaBuilder decimal(TypeText text) {
        int precision = 10;
        int scale = 0;
        if (text.peek('(')) {
            String[] parts = text.arguments().split(",");
            precision = Integer.parseInt(parts[0].trim());
            scale = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        }
        return Decimal.builder(scale).parameter(ConnectDecimal.PRECISION_PARAMETER, String.valueOf(precision));
    }

    private static Schema optional(Schema schema) {
        if (schema.isOptional()) {
            return schema;
        }
        SchemaBuilder builder = switch (schema.type()) {
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                schema.fields().forEach(f -> struct.field(f.name(), f.schema()));
                yield struct;
            }
            default -> SchemaBuilder.type(schema.type());
        };
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        Map<String, String> parameters = schema.parameters();
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder.optional().build();
    }

    /** A cursor over a Hive type's text, blanks ignored. */
    private static final class TypeText {
        private final String text;
        private int at;

        TypeText(String type) {
            this.text = type == null ? "" : type.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }

        String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("a type expected at '" + rest() + "'");
            }
            return text.substring(start, at);
        }

        String fieldName() {
            int start = at;
            while (at < text.length() && text.charAt(at) != ':') {
                at++;
            }
            return text.substring(start, at);
        }

        /** The text between parentheses that follow. */
        String arguments() {
            expect('(');
            int close = text.indexOf(')', at);
            if (close < 0) {
                throw new IllegalArgumentException("')' expected");
            }
            String inside = text.substring(at, close);
            at = close + 1;
            return inside;
        }

        boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        boolean accept(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("'" + c + "' expected at '" + rest() + "'");
            }
        }

        boolean more() {
            return at < text.length();
        }

        String rest() {
            return text.substring(at);
        }
    }
}
