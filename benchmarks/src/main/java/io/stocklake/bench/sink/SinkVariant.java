package io.stocklake.bench.sink;

import io.stocklake.bench.stack.NoopSinkConnector;
import java.util.List;
import java.util.Locale;

/**
 * One sink under test: ours with a format and compression, or the no-op sink (format null).
 *
 * @param goal the least share of the no-op sink's rate this sink should reach (the connector's cost over Connect's
 *             own stays small); 0 for none
 */
record SinkVariant(String label, String format, String compression, double goal) {

    static final String OUR_SINK = "io.stocklake.sink.S3GlueSinkConnector";

    static final SinkVariant NOOP = new SinkVariant("no-op sink", null, null, 0);

    static final List<SinkVariant> ALL = List.of(
            NOOP,
            new SinkVariant("JSON lines", "json", "none", 0.85),
            new SinkVariant("CSV", "csv", "none", 0),
            new SinkVariant("Parquet + snappy", "parquet", "snappy", 0.70),
            new SinkVariant("Parquet + zstd", "parquet", "zstd", 0.70));

    boolean isNoop() {
        return format == null;
    }

    String connectorClass() {
        return isNoop() ? NoopSinkConnector.class.getName() : OUR_SINK;
    }

    /** A name for connectors and tables: letters, digits and underscores. */
    String slug() {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
