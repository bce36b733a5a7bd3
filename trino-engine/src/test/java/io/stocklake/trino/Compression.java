package io.stocklake.trino;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The text compressions Athena picks by file extension ({@code .gz}, {@code .zst}). */
enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZSTD(".zst");

    final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    byte[] compress(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (this) {
            case NONE -> bytes;
            case GZIP -> gzip(bytes);
            case ZSTD -> Zstd.compress(bytes);
        };
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
