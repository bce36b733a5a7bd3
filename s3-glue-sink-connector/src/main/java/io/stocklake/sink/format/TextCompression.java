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
    NONE("", 0) {
        @Override
        OutputStream wrap(OutputStream file) {
            return file;
        }
    },
    // Measured heap of an open stream: gzip 65.7 KB (its 64 KiB buffer), zstd 132.5 KB (zstd-jni's output
    // buffer of ZSTD_CStreamOutSize); the compressors' own state is native memory.
    GZIP(".gz", 66 * 1024) {
        @Override
        OutputStream wrap(OutputStream file) throws IOException {
            return new GZIPOutputStream(file, OUTPUT_BUFFER_BYTES);
        }
    },
    ZSTD(".zst", 133 * 1024) {
        @Override
        OutputStream wrap(OutputStream file) throws IOException {
            return new ZstdOutputStreamNoFinalizer(file, ZSTD_LEVEL);
        }
    };

    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    /** zstd's own default: most of the ratio at a fraction of the CPU of higher levels. */
    private static final int ZSTD_LEVEL = 3;

    private final String suffix;
    private final long heapBytes;

    TextCompression(String suffix, long heapBytes) {
        this.suffix = suffix;
        this.heapBytes = heapBytes;
    }

    /** Heap one open compressing stream holds, whatever has been written. */
    long heapBytes() {
        return heapBytes;
    }

    /** Appended to the format's extension: {@code .json} + {@code .gz}. */
    String suffix() {
        return suffix;
    }

    /** A stream compressing into {@code file}; closing it writes the compressed stream's end and closes {@code file}. */
    abstract OutputStream wrap(OutputStream file) throws IOException;
}
