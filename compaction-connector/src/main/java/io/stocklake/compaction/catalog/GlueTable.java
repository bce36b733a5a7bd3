package io.stocklake.compaction.catalog;

import io.stocklake.compaction.rewrite.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** What compaction reads of a Glue table: its columns, partition keys and partitions. */
public final class GlueTable {

    private final GlueClient glue;
    private final String catalogId;
    private final String database;

    /** @param catalogId empty for the caller's account's catalog */
    public GlueTable(GlueClient glue, String catalogId, String database) {
        this.glue = glue;
        this.catalogId = catalogId.isEmpty() ? null : catalogId;
        this.database = database;
    }

    /** The table as it is now. */
    public Table table(String name) {
        return glue.getTable(r -> r.catalogId(catalogId).databaseName(database).name(name))
                .table();
    }

    public static List<TableSchema.Column> columns(Table table) {
        return table.storageDescriptor().columns().stream()
                .map(c -> new TableSchema.Column(c.name(), c.type()))
                .toList();
    }

    public static List<String> partitionKeys(Table table) {
        return table.partitionKeys().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** True when the table's files are Parquet, the only format compaction rewrites for now. */
    public static boolean parquet(Table table) {
        String serde = table.storageDescriptor().serdeInfo() == null
                ? ""
                : table.storageDescriptor().serdeInfo().serializationLibrary();
        return serde != null && serde.toLowerCase(Locale.ROOT).contains("parquet");
    }

    /**
     * True when readers find partitions by projection, never asking the catalog: a location swap would not reach
     * them.
     */
    public static boolean projected(Table table) {
        return "true".equalsIgnoreCase(table.parameters().get("projection.enabled"));
    }

    /** The values of every partition of the table. */
    public List<List<String>> partitions(String name) {
        List<List<String>> values = new ArrayList<>();
        GetPartitionsRequest request = GetPartitionsRequest.builder()
                .catalogId(catalogId)
                .databaseName(database)
                .tableName(name)
                .excludeColumnSchema(true)
                .build();
        for (var page : glue.getPartitionsPaginator(request)) {
            for (Partition partition : page.partitions()) {
                values.add(List.copyOf(partition.values()));
            }
        }
        return values;
    }
}
