package io.stocklake.sink.format;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compressors for the Parquet writer that call snappy-java, zstd-jni and {@code java.util.zip} directly.
 * parquet-hadoop's own {@code CodecFactory} goes through Hadoop's codec classes, which would put Hadoop (tens
 * of MB) into the plugin archive; these write the same page formats (raw snappy blocks, zstd frames, gzip
 * members). Write-only: the sink never reads Parquet.
 */
final class ParquetCompressors implements CompressionCodecFactory {

    /** zstd's own default level, as parquet-java uses. */
    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED ->
                new PageCompressor(codec) {
                    @Override
                    byte[] compress(byte[] page) {
                        return page;
                    }
                };
            case SNAPPY ->
                new PageCompressor(codec) {
                    @Override
                    byte[] compress(byte[] page) throws IOException {
                        return Snappy.compress(page);
                    }
                };
            case ZSTD ->
                new PageCompressor(codec) {
                    @Override
                    byte[] compress(byte[] page) {
                        return Zstd.compress(page, ZSTD_LEVEL);
                    }
                };
            case GZIP ->
                new PageCompressor(codec) {
                    @Override
                    byte[] compress(byte[] page) throws IOException {
                        ByteArrayOutputStream compressed = new ByteArrayOutputStream(page.length / 2 + 64);
                        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                            gzip.write(page);
                        }
                        return compressed.toByteArray();
                    }
                };
            default -> throw new IllegalArgumentException("Parquet codec " + codec + " is not offered");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("the sink only writes Parquet");
    }

    @Override
    public void release() {
        // Nothing pooled: each page is compressed in one call.
    }

    private abstract static class PageCompressor implements BytesInputCompressor {

        private final CompressionCodecName codec;

        PageCompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        abstract byte[] compress(byte[] page) throws IOException;

        @Override
        public BytesInput compress(BytesInput page) throws IOException {
            return BytesInput.from(compress(page.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {}
    }
}
