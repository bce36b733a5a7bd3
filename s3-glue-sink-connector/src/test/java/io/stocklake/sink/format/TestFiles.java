package io.stocklake.sink.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Writes whole files in memory and undoes text compression with decoders other than the writer's. */
final class TestFiles {

    private TestFiles() {}

    static byte[] write(FileFormat format, Schema schema, List<SinkRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = format.open(schema, out);
        for (SinkRecord record : records) {
            writer.write(record);
        }
        writer.finish();
        return out.toByteArray();
    }

    /** The text of a file; zstd is decoded by aircompressor's pure-Java decoder, not by zstd-jni. */
    static String text(byte[] file, String compression) {
        try (InputStream in = decompressing(new ByteArrayInputStream(file), compression)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream decompressing(InputStream in, String compression) throws IOException {
        return switch (compression) {
            case "none" -> in;
            case "gzip" -> new GZIPInputStream(in);
            case "zstd" -> new io.airlift.compress.zstd.ZstdInputStream(in);
            default -> throw new IllegalArgumentException(compression);
        };
    }
}
