package io.stocklake.compaction.rewrite;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompressors for the codecs the sink writes (snappy, zstd, gzip, none), calling snappy-java, zstd-jni and
 * {@code java.util.zip} directly like the sink's compressors, so reading needs no Hadoop codec classes.
 */
final class ParquetDecompressors implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("compaction reads with these and writes with the sink's encoder");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> new PageDecompressor(codec);
            default -> throw new IllegalArgumentException("Parquet codec " + codec + " is not read by compaction");
        };
    }

    @Override
    public void release() {}

    private record PageDecompressor(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(decompress(compressed, uncompressedSize));
        }

        private byte[] decompress(byte[] page, int uncompressedSize) throws IOException {
            return switch (codec) {
                case UNCOMPRESSED -> page;
                case SNAPPY -> Snappy.uncompress(page);
                case ZSTD -> Zstd.decompress(page, uncompressedSize);
                case GZIP -> {
                    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(page))) {
                        yield gzip.readNBytes(uncompressedSize);
                    }
                }
                default -> throw new IOException("Parquet codec " + codec + " is not read by compaction");
            };
        }

        @Override
        public void release() {}
    }
}
