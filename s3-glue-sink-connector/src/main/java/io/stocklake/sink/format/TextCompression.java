package io.stocklake.sink.format;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole-file compression for text formats. Athena picks the decoder by file extension. Snappy is not offered:
 * Athena reads {@code .snappy} text as Hadoop's block framing, which plain snappy libraries do not write.
 */
enum TextCompression {

    NONE("") {
        @Override
        OutputStream wrap(OutputStream file) {
            return file;
        }
    },
    GZIP(".gz") {
        @Override
        OutputStream wrap(OutputStream file) throws IOException {
            return new GZIPOutputStream(file, OUTPUT_BUFFER_BYTES);
        }
    },
    ZSTD(".zst") {
        @Override
        OutputStream wrap(OutputStream file) throws IOException {
            return new ZstdOutputStreamNoFinalizer(file, ZSTD_LEVEL);
        }
    };

    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    /** zstd's own default: most of the ratio at a fraction of the CPU of higher levels. */
    private static final int ZSTD_LEVEL = 3;

    private final String suffix;

    TextCompression(String suffix) {
        this.suffix = suffix;
    }

    /** Appended to the format's extension: {@code .json} + {@code .gz}. */
    String suffix() {
        return suffix;
    }

    /** A stream compressing into {@code file}; closing it writes the compressed stream's end and closes {@code file}. */
    abstract OutputStream wrap(OutputStream file) throws IOException;
}
