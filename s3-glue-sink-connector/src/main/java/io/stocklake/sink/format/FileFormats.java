package io.stocklake.sink.format;

import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.ConfigName;
import io.stocklake.sink.config.DataFormat;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The file formats the sink writes, by the names its configuration uses. */
public final class FileFormats {

    /** Accepted format names. */
    public static final List<String> FORMATS = List.of(ConfigName.all(DataFormat.class));

    private FileFormats() {}

    /**
     * As {@link #create(DataFormat, Compression)}, by name, ignoring case and surrounding blanks. Throws
     * IllegalArgumentException naming the unknown value or the combination the format does not offer.
     */
    public static FileFormat create(String format, String compression) {
        DataFormat dataFormat = ConfigName.find(DataFormat.class, format)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown format '" + format + "'; expected one of " + FORMATS));
        Compression codec = ConfigName.find(Compression.class, compression)
                .orElseThrow(() -> new IllegalArgumentException("unknown compression '" + compression
                        + "'; expected one of " + Arrays.toString(ConfigName.all(Compression.class))));
        return create(dataFormat, codec);
    }

    /** Throws IllegalArgumentException for a compression the format does not offer (snappy with text). */
    public static FileFormat create(DataFormat format, Compression compression) {
        if (!format.offers(compression)) {
            throw new IllegalArgumentException("compression '" + compression.configName() + "' is offered for "
                    + "parquet only, not for format '" + format.configName() + "': Athena reads ."
                    + compression.configName() + " text files as Hadoop-framed snappy");
        }
        return switch (format) {
            case JSON -> new TextFileFormat(".json", textCompression(compression), schema -> new JsonLineEncoder());
            case CSV -> new TextFileFormat(".csv", textCompression(compression), CsvRowEncoder::new);
            case PARQUET -> new ParquetFileFormat(parquetCodec(compression), ParquetFileFormat.DEFAULT_ROW_GROUP_BYTES);
        };
    }

    /**
     * Parquet with {@code codec} and row groups of about {@code rowGroupBytes}: for writers that choose the row group
     * size themselves (compaction writes files of 128 MiB and more, where the sink's default is meant for batches).
     */
    public static FileFormat parquet(Compression codec, long rowGroupBytes) {
        return new ParquetFileFormat(parquetCodec(codec), rowGroupBytes);
    }

    private static TextCompression textCompression(Compression compression) {
        return switch (compression) {
            case NONE -> TextCompression.NONE;
            case GZIP -> TextCompression.GZIP;
            case ZSTD -> TextCompression.ZSTD;
            case SNAPPY -> throw new IllegalArgumentException("no text compression " + compression);
        };
    }

    private static CompressionCodecName parquetCodec(Compression compression) {
        return switch (compression) {
            case NONE -> CompressionCodecName.UNCOMPRESSED;
            case GZIP -> CompressionCodecName.GZIP;
            case ZSTD -> CompressionCodecName.ZSTD;
            case SNAPPY -> CompressionCodecName.SNAPPY;
        };
    }
}
