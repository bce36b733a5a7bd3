package io.stocklake.sink.catalog;

import java.util.List;
import org.apache.kafka.connect.data.Schema;

/**
 * What a catalog needs to declare a table over the files: where they live, the partition keys (strings, in
 * path order), the value schema of the rows (null for schemaless values) and the file format.
 *
 * @param format      json, csv or parquet
 * @param compression none, gzip, zstd or snappy
 */
public record TableDefinition(TableRef table, String location, List<String> partitionKeys, Schema valueSchema,
                              String format, String compression) {

    public TableDefinition {
        partitionKeys = List.copyOf(partitionKeys);
    }
}
