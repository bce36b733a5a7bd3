package io.stocklake.sink.format;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands parquet-java each Connect struct field by field, straight from the struct: no intermediate row object
 * per record. Every struct must have passed {@link #check} first, which {@link ParquetRecordFileWriter} sees to.
 */
final class StructWriteSupport extends WriteSupport<Struct> {

    private final MessageType parquetSchema;
    private final StructWriter fields;
    private RecordConsumer out;

    StructWriteSupport(Schema valueSchema, MessageType parquetSchema) {
        this.parquetSchema = parquetSchema;
        this.fields = new StructWriter(valueSchema, "");
    }

    /**
     * The record value as a struct this file can hold, or a {@link org.apache.kafka.connect.errors.DataException}
     * naming the first field that it cannot.
     */
    Struct check(Object value) {
        if (!(value instanceof Struct struct)) {
            throw FieldValue.error(
                    "",
                    value == null
                            ? "is null (a tombstone); Parquet needs a struct"
                            : "is a " + value.getClass().getName() + "; Parquet needs a struct with a schema");
        }
        fields.check(struct, "");
        return struct;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(parquetSchema, Map.of());
    }

    /** parquet-java's Hadoop entry point, which our Hadoop-free writer never calls. */
    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(parquetSchema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Struct record) {
        out.startMessage();
        fields.writeFields(out, record);
        out.endMessage();
    }

    /** A {@link ParquetWriter} builder that writes with a given {@link StructWriteSupport}. */
    static final class Builder extends ParquetWriter.Builder<Struct, Builder> {
        private final StructWriteSupport writeSupport;

        Builder(OutputFile file, StructWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Struct> getWriteSupport(ParquetConfiguration configuration) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<Struct> getWriteSupport(Configuration configuration) {
            return writeSupport;
        }
    }
}
