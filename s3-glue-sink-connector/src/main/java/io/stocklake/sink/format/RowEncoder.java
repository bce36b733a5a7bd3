package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.sink.SinkRecord;

/** Encodes records of one text file as lines; the {@link TextFileWriter} handles buffering and compression. */
interface RowEncoder {

    /** Writes what opens every file, such as a CSV header; nothing by default. */
    default void writeHeader(OutputStream file) throws IOException {}

    /**
     * Writes one record, ending with a line break, or throws
     * {@link org.apache.kafka.connect.errors.DataException}; on a throw the writer discards what reached
     * {@code row}.
     */
    void encode(SinkRecord record, OutputStream row) throws IOException;
}
