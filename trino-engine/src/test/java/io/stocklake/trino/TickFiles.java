package io.stocklake.trino;

import static io.stocklake.trino.StorageFormat.column;

import java.util.List;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The small hand-made tick data several tables share: three dt/hour partitions, six rows, written as JSON lines in
 * gzip and zstd files. Timestamps are written as Athena reads text timestamps: {@code yyyy-MM-dd HH:mm:ss.SSS}.
 */
final class TickFiles {
    record Partition(String dt, String hour, Compression compression, String lines) {
        String path() {
            return "dt=" + dt + "/hour=" + hour + "/";
        }
    }

    static final List<Column> COLUMNS = List.of(
            column("symbol", "string"), column("price", "double"), column("size", "bigint"), column("ts", "timestamp"));
    static final List<Column> PARTITION_KEYS = List.of(column("dt", "string"), column("hour", "string"));
    static final long ROW_COUNT = 6;
    static final List<Partition> PARTITIONS = List.of(
            new Partition("2026-11-24", "03", Compression.GZIP, """
          {"symbol":"AAPL","price":189.75,"size":100,"ts":"2026-11-24 03:00:00.001"}
          {"symbol":"MSFT","price":414.0,"size":50,"ts":"2026-11-24 03:30:00.000"}
          {"symbol":"AAPL","price":190.0,"size":25,"ts":"2026-11-24 03:59:59.999"}
          """),
            new Partition("2026-11-24", "04", Compression.ZSTD, """
          {"symbol":"MSFT","price":415.25,"size":7,"ts":"2026-11-24 04:10:00.000"}
          {"symbol":"AAPL","price":190.5,"size":300,"ts":"2026-11-24 04:59:59.500"}
          """),
            new Partition("2026-11-25", "00", Compression.GZIP, """
          {"symbol":"AAPL","price":191.0,"size":10,"ts":"2026-11-25 00:59:59.999"}
          """));

    private TickFiles() {}

    /** Writes each partition's one file under {@code prefix}, Hive-style: {@code dt=.../hour=.../ticks-0.json.gz}. */
    static void writeJsonPartitions(LocalLake lake, String prefix) {
        for (Partition partition : PARTITIONS) {
            lake.putObject(
                    prefix + partition.path() + "ticks-0.json" + partition.compression().extension,
                    partition.compression().compress(partition.lines()));
        }
    }
}
