package io.stocklake.sink.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** The {@link ValueWriter} of each Connect schema, matching the Parquet types {@link ParquetSchemas} chooses. */
final class ValueWriters {

    private ValueWriters() {}

    static ValueWriter of(Schema schema, String path) {
        String logical = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return new TimestampWriter(schema);
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            return new Converted(
                    schema,
                    (value, at) -> FieldValue.epochDay(schema, value, at),
                    (out, days) -> out.addInteger((Integer) days));
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return new Converted(
                    schema,
                    (value, at) -> FieldValue.millisOfDay(schema, value, at),
                    (out, millis) -> out.addInteger((Integer) millis));
        }
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return new Converted(
                    schema, new DecimalBytes(schema, path)::convert, (out, bytes) -> out.addBinary((Binary) bytes));
        }
        return switch (schema.type()) {
            case INT8 -> new Typed(schema, Byte.class, (out, value) -> out.addInteger((Byte) value));
            case INT16 -> new Typed(schema, Short.class, (out, value) -> out.addInteger((Short) value));
            case INT32 -> new Typed(schema, Integer.class, (out, value) -> out.addInteger((Integer) value));
            case INT64 -> new Typed(schema, Long.class, (out, value) -> out.addLong((Long) value));
            case FLOAT32 -> new Typed(schema, Float.class, (out, value) -> out.addFloat((Float) value));
            case FLOAT64 -> new Typed(schema, Double.class, (out, value) -> out.addDouble((Double) value));
            case BOOLEAN -> new Typed(schema, Boolean.class, (out, value) -> out.addBoolean((Boolean) value));
            // Array-backed: Binary.fromString would also wrap the bytes in a ByteBuffer per value, and strings are
            // most of a tick's columns; EncoderBench shows the encoder's allocation per record.
            case STRING ->
                new Typed(
                        schema,
                        String.class,
                        (out, value) -> out.addBinary(
                                Binary.fromConstantByteArray(((String) value).getBytes(StandardCharsets.UTF_8))));
            case BYTES ->
                new Converted(
                        schema,
                        FieldValue::bytes,
                        (out, bytes) -> out.addBinary(Binary.fromConstantByteArray((byte[]) bytes)));
            case STRUCT -> new StructWriter(schema, path);
            case ARRAY -> new ListWriter(schema, of(schema.valueSchema(), path + "[]"));
            case MAP ->
                new MapWriter(
                        schema, of(schema.keySchema(), path + "{key}"), of(schema.valueSchema(), path + "{value}"));
        };
    }

    /** How a checked value reaches the consumer. */
    @FunctionalInterface
    private interface Emit {
        void accept(RecordConsumer out, Object value);
    }

    /** Checks a value and turns it into what {@link Emit} takes; fails naming the path. */
    @FunctionalInterface
    private interface Conversion {
        Object convert(Object value, String path);
    }

    /** A value written as it is, once it has the Java type Connect defines for its schema. */
    private record Typed(Schema schema, Class<?> type, Emit emit) implements ValueWriter {
        @Override
        public void check(Object value, String path) {
            FieldValue.require(type, value, schema, path);
        }

        @Override
        public void write(RecordConsumer out, Object value) {
            emit.accept(out, value);
        }
    }

    /** A value that needs converting (and whose conversion checks it), converted again when written. */
    private record Converted(Schema schema, Conversion conversion, Emit emit) implements ValueWriter {
        @Override
        public void check(Object value, String path) {
            conversion.convert(value, path);
        }

        @Override
        public void write(RecordConsumer out, Object value) {
            emit.accept(out, conversion.convert(value, ""));
        }
    }

    /** Epoch milliseconds inside {@link TimeRange}, written without boxing them. */
    private record TimestampWriter(Schema schema) implements ValueWriter {
        @Override
        public void check(Object value, String path) {
            FieldValue.epochMillis(schema, value, path);
        }

        @Override
        public void write(RecordConsumer out, Object value) {
            out.addLong(((java.util.Date) value).getTime());
        }
    }

    /** The standard three-level list: a repeated group {@code list} of optional or required {@code element}s. */
    private record ListWriter(Schema schema, ValueWriter element) implements ValueWriter {
        @Override
        public void check(Object value, String path) {
            List<?> elements = FieldValue.require(List.class, value, schema, path);
            for (int i = 0; i < elements.size(); i++) {
                Object item = elements.get(i);
                String itemPath = path + "[" + i + "]";
                if (item == null) {
                    FieldValue.requireOptional(schema.valueSchema(), itemPath);
                } else {
                    element.check(item, itemPath);
                }
            }
        }

        @Override
        public void write(RecordConsumer out, Object value) {
            List<?> elements = (List<?>) value;
            out.startGroup();
            if (!elements.isEmpty()) {
                out.startField(ParquetSchemas.LIST_GROUP, 0);
                for (Object item : elements) {
                    out.startGroup();
                    if (item != null) {
                        out.startField(ParquetSchemas.LIST_ELEMENT, 0);
                        element.write(out, item);
                        out.endField(ParquetSchemas.LIST_ELEMENT, 0);
                    }
                    out.endGroup();
                }
                out.endField(ParquetSchemas.LIST_GROUP, 0);
            }
            out.endGroup();
        }
    }

    /** The standard map: a repeated group {@code key_value} of a required {@code key} and a {@code value}. */
    private record MapWriter(Schema schema, ValueWriter key, ValueWriter value) implements ValueWriter {
        @Override
        public void check(Object map, String path) {
            Map<?, ?> entries = FieldValue.require(Map.class, map, schema, path);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (entry.getKey() == null) {
                    throw FieldValue.error(path, "has a null map key, which Parquet cannot hold");
                }
                String entryPath = path + "[" + entry.getKey() + "]";
                key.check(entry.getKey(), entryPath);
                if (entry.getValue() == null) {
                    FieldValue.requireOptional(schema.valueSchema(), entryPath);
                } else {
                    value.check(entry.getValue(), entryPath);
                }
            }
        }

        @Override
        public void write(RecordConsumer out, Object map) {
            Map<?, ?> entries = (Map<?, ?>) map;
            out.startGroup();
            if (!entries.isEmpty()) {
                out.startField(ParquetSchemas.MAP_GROUP, 0);
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    out.startGroup();
                    out.startField(ParquetSchemas.MAP_KEY, 0);
                    key.write(out, entry.getKey());
                    out.endField(ParquetSchemas.MAP_KEY, 0);
                    if (entry.getValue() != null) {
                        out.startField(ParquetSchemas.MAP_VALUE, 1);
                        value.write(out, entry.getValue());
                        out.endField(ParquetSchemas.MAP_VALUE, 1);
                    }
                    out.endGroup();
                }
                out.endField(ParquetSchemas.MAP_GROUP, 0);
            }
            out.endGroup();
        }
    }

    /** The unscaled value as a big-endian two's-complement array of the column's fixed length. */
    private static final class DecimalBytes {
        private final Schema schema;
        private final int scale;
        private final int precision;
        private final BigInteger bound;

        DecimalBytes(Schema schema, String path) {
            this.schema = schema;
            this.scale = ConnectDecimal.scale(schema, path);
            this.precision = ConnectDecimal.precision(schema, path);
            this.bound = BigInteger.TEN.pow(precision);
        }

        Binary convert(Object value, String path) {
            BigDecimal decimal = FieldValue.decimal(schema, value, path);
            BigInteger unscaled;
            try {
                unscaled = decimal.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
            } catch (ArithmeticException e) {
                throw FieldValue.error(
                        path, "holds " + FieldValue.shown(decimal) + ", which does not fit scale " + scale);
            }
            if (unscaled.abs().compareTo(bound) >= 0) {
                throw FieldValue.error(
                        path,
                        "holds " + FieldValue.shown(decimal) + ", beyond DECIMAL(" + precision + ", " + scale + ")");
            }
            byte[] minimal = unscaled.toByteArray();
            byte[] fixed = new byte[ParquetSchemas.decimalBytes(precision)];
            Arrays.fill(fixed, 0, fixed.length - minimal.length, (byte) (unscaled.signum() < 0 ? 0xFF : 0x00));
            System.arraycopy(minimal, 0, fixed, fixed.length - minimal.length, minimal.length);
            return Binary.fromConstantByteArray(fixed);
        }
    }
}
