package io.stocklake.sink.format;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one Connect value into parquet-java's {@link RecordConsumer} in the layout {@link ParquetSchemas} gives
 * its schema. Checking and writing are separate passes because parquet-java's column buffers cannot take back
 * half a record: a record is checked whole, and only a record that passed is written.
 */
interface ValueWriter {

    /**
     * Fails with a {@link org.apache.kafka.connect.errors.DataException} naming {@code path} (the field's dotted
     * path) when {@link #write} could not write {@code value}; {@code value} is not null.
     */
    void check(Object value, String path);

    /** Writes a value that passed {@link #check}, between the caller's {@code startField} and {@code endField}. */
    void write(RecordConsumer out, Object value);
}
