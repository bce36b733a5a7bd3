package io.stocklake.sink.config;

/** How the sink compresses its files ({@code compression}); {@link DataFormat#offers} says which format takes which. */
public enum Compression implements ConfigName {
    NONE,
    GZIP,
    ZSTD,
    SNAPPY
}
