package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet files, compressed per page inside the file (so the extension stays {@code .parquet}). Needs a struct
 * value schema. Athena reads them with {@code ParquetHiveSerDe}.
 */
final class ParquetFileFormat implements FileFormat {

    /**
     * Small next to parquet-java's 128 MiB default: every open file holds its current row group in memory, and
     * a sink keeps one file open per partition.
     */
    static final long DEFAULT_ROW_GROUP_BYTES = 16L * 1024 * 1024;

    private final CompressionCodecName codec;
    private final long rowGroupBytes;

    ParquetFileFormat(CompressionCodecName codec, long rowGroupBytes) {
        if (rowGroupBytes < 1024) {
            throw new IllegalArgumentException(
                    "Parquet row group size must be at least 1024 bytes; got " + rowGroupBytes);
        }
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
    }

    @Override
    public String extension() {
        return ".parquet";
    }

    @Override
    public RecordFileWriter open(Schema valueSchema, OutputStream out) throws IOException {
        return new ParquetRecordFileWriter(valueSchema, codec, rowGroupBytes, out);
    }

    @Override
    public String toString() {
        return "Parquet files (" + codec + ")";
    }
}
