package io.stocklake.sink.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Turns a struct into a Parquet {@link Group} laid out as {@link ParquetSchemas} describes. The whole record is
 * checked and converted before the writer sees it, which keeps a bad record out of the column buffers.
 */
final class GroupEncoder {

    private final Schema valueSchema;
    private final SimpleGroupFactory groups;

    GroupEncoder(Schema valueSchema, MessageType parquetSchema) {
        this.valueSchema = valueSchema;
        this.groups = new SimpleGroupFactory(parquetSchema);
    }

    /** Fails with a {@link org.apache.kafka.connect.errors.DataException} naming the field. */
    Group encode(Object value) {
        if (!(value instanceof Struct struct)) {
            throw FieldValue.error("", value == null ? "is null (a tombstone); Parquet needs a struct"
                    : "is a " + value.getClass().getName() + "; Parquet needs a struct with a schema");
        }
        Group row = groups.newGroup();
        fill(row, valueSchema, struct, "");
        return row;
    }

    private void fill(Group group, Schema schema, Struct struct, String path) {
        FieldValue.requireSameFields(struct, schema, path);
        List<Field> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String fieldPath = FieldValue.path(path, field.name());
            add(group, i, field.schema(), FieldValue.of(struct, field, fieldPath), fieldPath);
        }
    }

    /** Adds {@code value} as field {@code index} of {@code group}; a null leaves the field absent. */
    private void add(Group group, int index, Schema schema, Object value, String path) {
        if (value == null) {
            FieldValue.requireOptional(schema, path);
            return;
        }
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            group.add(index, FieldValue.epochMillis(schema, value, path));
            return;
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            group.add(index, FieldValue.epochDay(schema, value, path));
            return;
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            group.add(index, FieldValue.millisOfDay(schema, value, path));
            return;
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            group.add(index, decimal(schema, FieldValue.require(BigDecimal.class, value, schema, path), path));
            return;
        }
        switch (schema.type()) {
            case INT8 -> group.add(index, (int) FieldValue.require(Byte.class, value, schema, path));
            case INT16 -> group.add(index, (int) FieldValue.require(Short.class, value, schema, path));
            case INT32 -> group.add(index, (int) FieldValue.require(Integer.class, value, schema, path));
            case INT64 -> group.add(index, (long) FieldValue.require(Long.class, value, schema, path));
            case FLOAT32 -> group.add(index, (float) FieldValue.require(Float.class, value, schema, path));
            case FLOAT64 -> group.add(index, (double) FieldValue.require(Double.class, value, schema, path));
            case BOOLEAN -> group.add(index, (boolean) FieldValue.require(Boolean.class, value, schema, path));
            case STRING -> group.add(index, FieldValue.require(String.class, value, schema, path));
            case BYTES -> group.add(index, Binary.fromConstantByteArray(FieldValue.bytes(value, path)));
            case STRUCT -> fill(group.addGroup(index), schema,
                    FieldValue.require(Struct.class, value, schema, path), path);
            case ARRAY -> addList(group.addGroup(index), schema,
                    FieldValue.require(List.class, value, schema, path), path);
            case MAP -> addMap(group.addGroup(index), schema,
                    FieldValue.require(Map.class, value, schema, path), path);
            default -> throw FieldValue.error(path, "has unsupported type " + schema.type());
        }
    }

    private void addList(Group list, Schema schema, List<?> elements, String path) {
        for (int i = 0; i < elements.size(); i++) {
            add(list.addGroup(0), 0, schema.valueSchema(), elements.get(i), path + "[" + i + "]");
        }
    }

    private void addMap(Group map, Schema schema, Map<?, ?> entries, String path) {
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (entry.getKey() == null) {
                throw FieldValue.error(path, "has a null map key, which Parquet cannot hold");
            }
            Group keyValue = map.addGroup(0);
            String entryPath = path + "[" + entry.getKey() + "]";
            add(keyValue, 0, schema.keySchema(), entry.getKey(), entryPath);
            add(keyValue, 1, schema.valueSchema(), entry.getValue(), entryPath);
        }
    }

    /** The unscaled value as a big-endian two's-complement array of the column's fixed length. */
    private static Binary decimal(Schema schema, BigDecimal value, String path) {
        int scale = ParquetSchemas.decimalScale(schema, path);
        int precision = ParquetSchemas.decimalPrecision(schema, path);
        BigInteger unscaled;
        try {
            unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        } catch (ArithmeticException e) {
            throw FieldValue.error(path, "holds " + value.toPlainString() + ", which does not fit scale " + scale);
        }
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(precision)) >= 0) {
            throw FieldValue.error(path, "holds " + value.toPlainString() + ", beyond DECIMAL("
                    + precision + ", " + scale + ")");
        }
        byte[] minimal = unscaled.toByteArray();
        byte[] fixed = new byte[ParquetSchemas.decimalBytes(precision)];
        Arrays.fill(fixed, 0, fixed.length - minimal.length, (byte) (unscaled.signum() < 0 ? 0xFF : 0x00));
        System.arraycopy(minimal, 0, fixed, fixed.length - minimal.length, minimal.length);
        return Binary.fromConstantByteArray(fixed);
    }
}
