package io.stocklake.sink.format;

import java.util.List;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The file formats the sink writes, by the names its configuration uses. */
public final class FileFormats {

    /** Accepted format names. */
    public static final List<String> FORMATS = List.of("json", "csv", "parquet");
    /** Accepted compression names; snappy only with parquet. */
    public static final List<String> COMPRESSIONS = List.of("none", "gzip", "zstd", "snappy");

    /** A configuration doc line for the format. */
    public static final String FORMAT_DOC = "File format: 'json' (JSON lines, for Athena's Hive JsonSerDe), "
            + "'csv' (header row, RFC 4180 quoting where needed; Athena's LazySimpleSerDe does not unquote, so "
            + "only for values without commas, quotes or line breaks; needs a schema and no nested fields) or "
            + "'parquet' (needs a schema).";
    /** A configuration doc line for the compression. */
    public static final String COMPRESSION_DOC = "Compression: 'none', 'gzip' (text files end in .gz), "
            + "'zstd' (.zst) or 'snappy' (parquet only: Athena expects Hadoop framing in .snappy text files). "
            + "Parquet compresses inside the file and keeps the .parquet extension.";

    private FileFormats() {
    }

    /**
     * format: "json" | "csv" | "parquet"; compression: "none" | "gzip" | "zstd" | "snappy" (snappy: parquet only).
     * Throws IllegalArgumentException naming the bad value/combination.
     */
    public static FileFormat create(String format, String compression) {
        return create(format, compression, ParquetFileFormat.DEFAULT_ROW_GROUP_BYTES);
    }

    /** As {@link #create(String, String)}, with the bytes a Parquet row group collects in memory before it is written. */
    public static FileFormat create(String format, String compression, long parquetRowGroupBytes) {
        String formatName = normalize(format);
        String compressionName = normalize(compression);
        if (!COMPRESSIONS.contains(compressionName)) {
            throw new IllegalArgumentException("unknown compression '" + compression + "'; expected one of "
                    + COMPRESSIONS);
        }
        switch (formatName) {
            case "json":
                return new TextFileFormat(".json", textCompression(formatName, compressionName),
                        schema -> new JsonLineEncoder());
            case "csv":
                return new TextFileFormat(".csv", textCompression(formatName, compressionName), CsvRowEncoder::new);
            case "parquet":
                return new ParquetFileFormat(parquetCodec(compressionName), parquetRowGroupBytes);
            default:
                throw new IllegalArgumentException("unknown format '" + format + "'; expected one of " + FORMATS);
        }
    }

    private static TextCompression textCompression(String format, String compression) {
        switch (compression) {
            case "none":
                return TextCompression.NONE;
            case "gzip":
                return TextCompression.GZIP;
            case "zstd":
                return TextCompression.ZSTD;
            default:
                throw new IllegalArgumentException("compression '" + compression + "' is offered for parquet only, "
                        + "not for format '" + format + "': Athena reads .snappy text files as Hadoop-framed snappy");
        }
    }

    private static CompressionCodecName parquetCodec(String compression) {
        switch (compression) {
            case "none":
                return CompressionCodecName.UNCOMPRESSED;
            case "gzip":
                return CompressionCodecName.GZIP;
            case "zstd":
                return CompressionCodecName.ZSTD;
            default:
                return CompressionCodecName.SNAPPY;
        }
    }

    private static String normalize(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
