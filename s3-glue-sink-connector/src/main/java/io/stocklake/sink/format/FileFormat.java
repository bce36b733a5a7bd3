package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.data.Schema;

/** One file format: encodes records into single files. */
public interface FileFormat {

    /** File name suffix including compression, e.g. ".json", ".json.gz", ".csv.zst", ".parquet". */
    String extension();

    /** Starts a new file written to {@code out}; {@code valueSchema} is null for schemaless values. */
    RecordFileWriter open(Schema valueSchema, OutputStream out) throws IOException;
}
