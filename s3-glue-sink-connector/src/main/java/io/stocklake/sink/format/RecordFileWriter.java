package io.stocklake.sink.format;

import java.io.IOException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Writes the records of one file; not thread-safe. */
public interface RecordFileWriter {

    /**
     * Writes the whole record, or throws {@link org.apache.kafka.connect.errors.DataException} having written
     * nothing (so a bad record can go to the DLQ without corrupting the file). The message names the field.
     */
    void write(SinkRecord record) throws IOException;

    /**
     * Bytes encoded so far, including what is still buffered inside the writer (an open Parquet row group, whose
     * size is read exactly only every few records and extrapolated in between).
     */
    long size();

    /**
     * Heap the open writer holds besides the encoded bytes {@link #size()} counts: its encoders, column writers,
     * statistics and working buffers. An estimate measured per format, since this is what many open files cost
     * before they hold any data; 0 once finished.
     */
    long overheadBytes();

    /** Writes buffered data and trailers (Parquet footer, end of compressed stream) to the stream; does not close it. */
    void finish() throws IOException;
}
