package io.stocklake.sink.config;

/** The file formats the sink writes ({@code format}). */
public enum DataFormat implements ConfigName {
    /** JSON lines, for Athena's Hive JsonSerDe; values need no schema but must be objects. */
    JSON(false),
    /** CSV with a header row; values need a schema. */
    CSV(true),
    /** Parquet; values need a schema. */
    PARQUET(true);

    private final boolean needsSchema;

    DataFormat(boolean needsSchema) {
        this.needsSchema = needsSchema;
    }

    /** Whether record values must carry a Connect schema. */
    public boolean needsSchema() {
        return needsSchema;
    }

    /**
     * Whether this format offers {@code compression}: snappy only inside Parquet, since Athena reads .snappy text
     * files as Hadoop-framed snappy, which no plain snappy stream is.
     */
    public boolean offers(Compression compression) {
        return compression != Compression.SNAPPY || this == PARQUET;
    }
}
