package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Placeholder for the real format factory (JSON lines / CSV / Parquet), which replaces this file at merge.
 * Only "json"/"none" works here, writing each value's string form as one line.
 */
public final class FileFormats {

    private FileFormats() {
    }

    /** format: json|csv|parquet; compression: none|gzip|zstd|snappy(parquet only); IllegalArgumentException otherwise. */
    public static FileFormat create(String format, String compression) {
        if (!"json".equals(format) || !"none".equals(compression)) {
            throw new IllegalArgumentException("format " + format + " with compression " + compression
                    + " is not available in this build");
        }
        return new FileFormat() {
            @Override
            public String extension() {
                return ".json";
            }

            @Override
            public RecordFileWriter open(Schema valueSchema, OutputStream out) {
                return new RecordFileWriter() {
                    private long size;

                    @Override
                    public void write(SinkRecord record) throws IOException {
                        if (record.value() == null) {
                            throw new DataException("null value");
                        }
                        byte[] line = (record.value() + "\n").getBytes(StandardCharsets.UTF_8);
                        out.write(line);
                        size += line.length;
                    }

                    @Override
                    public long size() {
                        return size;
                    }

                    @Override
                    public void finish() {
                    }
                };
            }
        };
    }
}
