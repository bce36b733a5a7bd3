package io.stocklake.compaction.rewrite;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file into structs of a table's current schema: columns matched by name, ignoring case as
 * Athena does; a column the file lacks reads as null; a column the table no longer has is dropped.
 */
final class ParquetRows {

    private ParquetRows() {}

    /** The codec of the file's first column chunk, or null for a file without rows. */
    static CompressionCodecName codec(byte[] file) throws IOException {
        try (ParquetFileReader reader = open(file)) {
            List<BlockMetaData> blocks = reader.getFooter().getBlocks();
            return blocks.isEmpty() || blocks.get(0).getColumns().isEmpty()
                    ? null
                    : blocks.get(0).getColumns().get(0).getCodec();
        }
    }

    /** DataException naming the column when a file's column cannot be read as the table's type. */
    static void read(byte[] file, Schema target, Consumer<Struct> rows) throws IOException {
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < schema.getFieldCount(); i++) {
                byName.put(schema.getFieldName(i).toLowerCase(Locale.ROOT), i);
            }
            List<Field> fields = target.fields();
            int[] source = new int[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                Integer index = byName.get(fields.get(f).name());
                source[f] = index == null ? -1 : index;
                if (index != null && !schema.getType(index).isPrimitive()) {
                    throw new DataException("column " + fields.get(f).name() + " is nested; compaction rewrites "
                            + "flat columns only");
                }
            }
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    Struct row = new Struct(target);
                    for (int f = 0; f < fields.size(); f++) {
                        int index = source[f];
                        if (index >= 0 && group.getFieldRepetitionCount(index) > 0) {
                            Field field = fields.get(f);
                            row.put(
                                    field,
                                    value(group, index, schema.getType(index).asPrimitiveType(), field));
                        }
                    }
                    rows.accept(row);
                }
            }
        }
    }

    private static ParquetFileReader open(byte[] file) throws IOException {
        return ParquetFileReader.open(
                new BytesInputFile(file), HadoopFreeReadOptions.create(new ParquetDecompressors()));
    }

    private static Object value(Group group, int index, PrimitiveType type, Field field) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        Schema target = field.schema();
        Object raw = switch (type.getPrimitiveTypeName()) {
            case INT32 -> group.getInteger(index, 0);
            case INT64 -> group.getLong(index, 0);
            case FLOAT -> group.getFloat(index, 0);
            case DOUBLE -> group.getDouble(index, 0);
            case BOOLEAN -> group.getBoolean(index, 0);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getBinary(index, 0).getBytes();
            case INT96 -> throw mismatch(field, type);
        };
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            BigInteger unscaled = raw instanceof byte[] bytes
                    ? new BigInteger(bytes)
                    : BigInteger.valueOf(((Number) raw).longValue());
            BigDecimal value = new BigDecimal(unscaled, decimal.getScale());
            if (!Decimal.LOGICAL_NAME.equals(target.name())) {
                throw mismatch(field, type);
            }
            return value.setScale(Integer.parseInt(target.parameters().get(Decimal.SCALE_FIELD)));
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
            long amount = (Long) raw;
            long millis = switch (timestamp.getUnit()) {
                case MILLIS -> amount;
                case MICROS -> Math.floorDiv(amount, 1_000L);
                case NANOS -> Math.floorDiv(amount, 1_000_000L);
            };
            if (!Timestamp.LOGICAL_NAME.equals(target.name())) {
                throw mismatch(field, type);
            }
            return new java.util.Date(millis);
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            if (!org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(target.name())) {
                throw mismatch(field, type);
            }
            return new java.util.Date(((Integer) raw) * 86_400_000L);
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            if (target.type() != Schema.Type.STRING) {
                throw mismatch(field, type);
            }
            return new String((byte[]) raw, java.nio.charset.StandardCharsets.UTF_8);
        }
        return widen(raw, field, type);
    }

    /** The value as the table's type: the same, or a wider one of its kind (int to bigint, float to double). */
    private static Object widen(Object raw, Field field, PrimitiveType type) {
        Schema target = field.schema();
        if (target.name() != null) {
            throw mismatch(field, type);
        }
        return switch (target.type()) {
            case INT8 -> raw instanceof Integer i ? (Object) i.byteValue() : fail(field, type);
            case INT16 -> raw instanceof Integer i ? (Object) i.shortValue() : fail(field, type);
            case INT32 -> raw instanceof Integer ? raw : fail(field, type);
            case INT64 ->
                raw instanceof Integer || raw instanceof Long ? (Object) ((Number) raw).longValue() : fail(field, type);
            case FLOAT32 -> raw instanceof Float ? raw : fail(field, type);
            case FLOAT64 ->
                raw instanceof Float || raw instanceof Double
                        ? (Object) ((Number) raw).doubleValue()
                        : fail(field, type);
            case BOOLEAN -> raw instanceof Boolean ? raw : fail(field, type);
            case BYTES -> raw instanceof byte[] ? raw : fail(field, type);
            case STRING ->
                raw instanceof byte[] bytes
                        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                        : fail(field, type);
            default -> fail(field, type);
        };
    }

    private static Object fail(Field field, Type type) {
        throw mismatch(field, type);
    }

    private static DataException mismatch(Field field, Type type) {
        return new DataException("column " + field.name() + " is " + type + " in a file but "
                + (field.schema().name() == null
                        ? field.schema().type()
                        : field.schema().name())
                + " in the table");
    }
}
