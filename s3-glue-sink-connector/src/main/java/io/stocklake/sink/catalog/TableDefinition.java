package io.stocklake.sink.catalog;

import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.DataFormat;
import java.util.List;
import org.apache.kafka.connect.data.Schema;

/**
 * What a catalog needs to declare a table over the files: where they live, the partition keys (strings, in
 * path order), the value schema of the rows (null for schemaless values) and the file format.
 */
public record TableDefinition(
        TableRef table,
        String location,
        List<String> partitionKeys,
        Schema valueSchema,
        DataFormat format,
        Compression compression) {

    public TableDefinition {
        partitionKeys = List.copyOf(partitionKeys);
    }
}
