package io.stocklake.sink.format;

import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes a Connect struct as a Parquet group: each present field in schema order, a null field left out. */
final class StructWriter implements ValueWriter {

    private final Schema schema;
    private final Field[] fields;
    private final ValueWriter[] writers;

    StructWriter(Schema schema, String path) {
        this.schema = schema;
        List<Field> declared = schema.fields();
        this.fields = declared.toArray(Field[]::new);
        this.writers = new ValueWriter[fields.length];
        for (int i = 0; i < fields.length; i++) {
            writers[i] = ValueWriters.of(fields[i].schema(), FieldValue.path(path, fields[i].name()));
        }
    }

    @Override
    public void check(Object value, String path) {
        Struct struct = FieldValue.require(Struct.class, value, schema, path);
        FieldValue.requireSameFields(struct, schema, path);
        boolean ownSchema = struct.schema() == schema;
        for (int i = 0; i < fields.length; i++) {
            String fieldPath = FieldValue.path(path, fields[i].name());
            Object field = ownSchema ? struct.get(fields[i]) : FieldValue.of(struct, fields[i], fieldPath);
            if (field == null) {
                FieldValue.requireOptional(fields[i].schema(), fieldPath);
            } else {
                writers[i].check(field, fieldPath);
            }
        }
    }

    @Override
    public void write(RecordConsumer out, Object value) {
        out.startGroup();
        writeFields(out, (Struct) value);
        out.endGroup();
    }

    /** The fields alone, as the top-level record (a Parquet message, not a group) needs them. */
    void writeFields(RecordConsumer out, Struct struct) {
        for (int i = 0; i < fields.length; i++) {
            Object field = valueOf(struct, i);
            if (field != null) {
                String name = fields[i].name();
                out.startField(name, i);
                writers[i].write(out, field);
                out.endField(name, i);
            }
        }
    }

    /** Field {@code i}'s value; a struct of the file's own schema instance, the usual case, needs no name lookup. */
    private Object valueOf(Struct struct, int i) {
        if (struct.schema() == schema) {
            return struct.get(fields[i]);
        }
        Field own = struct.schema().field(fields[i].name());
        return own == null ? null : struct.get(own);
    }
}
