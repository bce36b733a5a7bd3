package io.stocklake.sink.format;

import java.io.IOException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Encodes the records of one file. */
public interface RecordFileWriter {
    /** Writes the whole record, or throws DataException having written nothing. */
    void write(SinkRecord record) throws IOException;

    /** Bytes encoded so far, including what is still buffered inside the writer. */
    long size();

    /** Writes buffered data and trailers to the stream; does not close it. */
    void finish() throws IOException;
}
