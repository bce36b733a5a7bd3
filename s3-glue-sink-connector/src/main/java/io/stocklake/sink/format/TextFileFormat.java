package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/** A line-oriented text format (JSON lines, CSV) under whole-file compression. */
final class TextFileFormat implements FileFormat {

    private final String extension;
    private final TextCompression compression;
    private final Function<Schema, RowEncoder> encoders;

    /** {@code encoders} makes the encoder of one file from its value schema. */
    TextFileFormat(String extension, TextCompression compression, Function<Schema, RowEncoder> encoders) {
        this.extension = extension + compression.suffix();
        this.compression = compression;
        this.encoders = encoders;
    }

    @Override
    public String extension() {
        return extension;
    }

    @Override
    public RecordFileWriter open(Schema valueSchema, OutputStream out) throws IOException {
        return new TextFileWriter(encoders.apply(valueSchema), compression, out);
    }

    @Override
    public String toString() {
        return "text files " + extension;
    }
}
