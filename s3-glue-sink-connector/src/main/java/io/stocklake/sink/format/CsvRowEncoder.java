package io.stocklake.sink.format;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * CSV with a header row, one column per top-level field of the value schema, quoted (RFC 4180) only where a
 * value holds a comma, quote or line break; null is an empty field. Texts match the JSON lines format.
 *
 * <p>Athena reads typed CSV with {@code LazySimpleSerDe}, which splits on the delimiter and does not unquote:
 * a quoted value arrives with its quotes and a comma inside it shifts the columns after it. Such tables suit
 * values without commas, quotes or line breaks (numbers, timestamps, symbols); other data is safer as JSON
 * lines or Parquet. An empty field is NULL there only with {@code serialization.null.format=''}.
 */
final class CsvRowEncoder implements RowEncoder {

    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final char ENTRY_DELIMITER = '\u0002';
    private static final char KEY_DELIMITER = '\u0003';

    private final Schema valueSchema;
    private final List<Field> columns;
    private final CsvSchema layout;
    private final LineGenerator<CsvGenerator> rows;

    /** Fails with a {@link DataException} unless {@code valueSchema} is a struct of primitive fields. */
    CsvRowEncoder(Schema valueSchema) {
        if (valueSchema == null) {
            throw new DataException("CSV needs a value schema; got schemaless values (use JSON lines for those)");
        }
        if (valueSchema.type() != Schema.Type.STRUCT) {
            throw new DataException("CSV needs a STRUCT value schema; got " + valueSchema.type());
        }
        CsvSchema.Builder layout = CsvSchema.builder();
        for (Field field : valueSchema.fields()) {
            if (!field.schema().type().isPrimitive() && !isTextMap(field.schema())) {
                throw FieldValue.error(
                        field.name(),
                        "is a nested " + field.schema().type() + ", which CSV cannot hold (use JSON lines or Parquet)");
            }
            layout.addColumn(field.name());
        }
        this.valueSchema = valueSchema;
        this.columns = valueSchema.fields();
        this.layout = layout.build().withoutHeader().withLineSeparator("\n").withNullValue("");
        this.rows = new LineGenerator<>(target -> {
            CsvGenerator csv = CSV.createGenerator(target);
            csv.setSchema(this.layout);
            return csv;
        });
    }

    @Override
    public void writeHeader(OutputStream file) throws IOException {
        String[] names = columns.stream().map(Field::name).toArray(String[]::new);
        writeRow(names, file);
    }

    @Override
    public void encode(SinkRecord record, OutputStream row) throws IOException {
        if (!(record.value() instanceof Struct struct)) {
            throw FieldValue.error(
                    "",
                    record.value() == null
                            ? "is null (a tombstone); CSV needs a struct"
                            : "is a " + record.value().getClass().getName() + "; CSV needs a struct with a schema");
        }
        FieldValue.requireSameFields(struct, valueSchema, "");
        // Render every cell before writing any, so a bad field leaves the row untouched.
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            Field column = columns.get(i);
            cells[i] = cell(column.schema(), FieldValue.of(struct, column, column.name()), column.name());
        }
        writeRow(cells, row);
    }

    private void writeRow(String[] cells, OutputStream target) throws IOException {
        rows.write(
                csv -> {
                    csv.writeStartArray();
                    for (String cell : cells) {
                        if (cell == null) {
                            csv.writeNull();
                        } else {
                            csv.writeString(cell);
                        }
                    }
                    csv.writeEndArray();
                },
                target);
    }

    /**
     * A map of texts (the Kafka headers column): the one nested value LazySimpleSerDe reads without its own
     * delimiter settings, with its defaults \u0002 between entries and \u0003 between name and value.
     */
    static boolean isTextMap(Schema schema) {
        return schema.type() == Schema.Type.MAP
                && schema.keySchema().type() == Schema.Type.STRING
                && schema.valueSchema().type() == Schema.Type.STRING
                && schema.keySchema().name() == null
                && schema.valueSchema().name() == null;
    }

    private static String textMap(Map<?, ?> map, String path) {
        StringBuilder cell = new StringBuilder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String value = entry.getValue() == null ? "" : String.valueOf(entry.getValue());
            if (key.indexOf(ENTRY_DELIMITER) >= 0
                    || key.indexOf(KEY_DELIMITER) >= 0
                    || value.indexOf(ENTRY_DELIMITER) >= 0
                    || value.indexOf(KEY_DELIMITER) >= 0) {
                throw FieldValue.error(path, "holds \\u0002 or \\u0003, which delimit map entries in CSV");
            }
            if (cell.length() > 0) {
                cell.append(ENTRY_DELIMITER);
            }
            cell.append(key).append(KEY_DELIMITER).append(value);
        }
        return cell.toString();
    }

    private static String cell(Schema schema, Object value, String path) {
        if (value == null) {
            FieldValue.requireOptional(schema, path);
            return null;
        }
        if (isTextMap(schema)) {
            return textMap(FieldValue.require(Map.class, value, schema, path), path);
        }
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return HiveText.timestamp(FieldValue.epochMillis(schema, value, path));
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            return HiveText.date(FieldValue.epochDay(schema, value, path));
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return HiveText.time(FieldValue.millisOfDay(schema, value, path));
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return HiveText.decimal(FieldValue.decimal(schema, value, path));
        }
        return switch (schema.type()) {
            case INT8 -> FieldValue.require(Byte.class, value, schema, path).toString();
            case INT16 -> FieldValue.require(Short.class, value, schema, path).toString();
            case INT32 -> FieldValue.require(Integer.class, value, schema, path).toString();
            case INT64 -> FieldValue.require(Long.class, value, schema, path).toString();
            case FLOAT32 -> FieldValue.require(Float.class, value, schema, path).toString();
            case FLOAT64 ->
                FieldValue.require(Double.class, value, schema, path).toString();
            case BOOLEAN ->
                FieldValue.require(Boolean.class, value, schema, path).toString();
            case STRING -> FieldValue.require(String.class, value, schema, path);
            // Hive's text SerDe decodes base64 into BINARY.
            case BYTES -> Base64.getEncoder().encodeToString(FieldValue.bytes(value, path));
            default -> throw FieldValue.error(path, "is a nested " + schema.type() + ", which CSV cannot hold");
        };
    }
}
