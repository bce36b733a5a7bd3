package io.stocklake.bench.sink;

import io.stocklake.bench.stack.NoopSinkConnector;
import io.stocklake.bench.workload.RecordShape;
import java.util.List;
import java.util.Locale;

/**
 * One sink under test: ours with a format and compression, or the no-op sink (format null).
 *
 * @param goal         the least share of the no-op sink's rate this sink should reach with the default converter
 *                     pair (the connector's cost over Connect's own stays small); 0 for none
 * @param externalGoal the same with the external-schema pair, where Connect's own share is smaller
 */
record SinkVariant(String label, String format, String compression, double goal, double externalGoal) {

    static final String OUR_SINK = "io.stocklake.sink.S3GlueSinkConnector";

    static final SinkVariant NOOP = new SinkVariant("no-op sink", null, null, 0, 0);

    static final List<SinkVariant> ALL = List.of(
            NOOP,
            new SinkVariant("JSON lines", "json", "none", 0.85, 0.75),
            new SinkVariant("CSV", "csv", "none", 0, 0),
            new SinkVariant("Parquet + snappy", "parquet", "snappy", 0.80, 0.75),
            new SinkVariant("Parquet + zstd", "parquet", "zstd", 0.80, 0.75));

    /** The goal for records of {@code shape}; 0 for none. */
    double goal(RecordShape shape) {
        return shape == RecordShape.EMBEDDED_SCHEMA ? goal : externalGoal;
    }

    /** The goal as the tables show it. */
    String goalText(RecordShape shape) {
        return goal(shape) > 0 ? String.format(Locale.ROOT, "≥ %.2f", goal(shape)) : "–";
    }

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
