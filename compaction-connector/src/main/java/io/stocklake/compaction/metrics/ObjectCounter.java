package io.stocklake.compaction.metrics;

import io.stocklake.compaction.plan.PartitionRef;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.sink.storage.ObjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * Counts the objects queries read in a task's share of a table: one paged GetPartitions for the locations and one
 * listing of the table's folder, whatever the number of partitions.
 */
public final class ObjectCounter {

    private final GlueClient glue;
    private final String catalogId;
    private final String database;
    private final ObjectStore store;
    private final String bucket;
    private final PartitionShare share;

    /** @param catalogId empty for the caller's account's catalog */
    public ObjectCounter(
            GlueClient glue,
            String catalogId,
            String database,
            ObjectStore store,
            String bucket,
            PartitionShare share) {
        this.glue = glue;
        this.catalogId = catalogId.isEmpty() ? null : catalogId;
        this.database = database;
        this.store = store;
        this.bucket = bucket;
        this.share = share;
    }

    /** The table's objects now; {@code tableFolder} is the sink's folder of the table (a key prefix). */
    public TableObjects count(String table, String tableFolder) {
        List<String> keys;
        try {
            keys =
                    glue
                            .getTable(r -> r.catalogId(catalogId)
                                    .databaseName(database)
                                    .name(table))
                            .table()
                            .partitionKeys()
                            .stream()
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .toList();
        } catch (EntityNotFoundException e) {
            // The sink has not created the table yet: nothing to read.
            return TableObjects.NONE;
        }
        Map<String, Long> perFolder = new HashMap<>();
        for (String key : store.list(tableFolder)) {
            int slash = key.lastIndexOf('/');
            String name = key.substring(slash + 1);
            if (!name.startsWith("_") && !name.startsWith(".")) {
                perFolder.merge(key.substring(0, slash + 1), 1L, Long::sum);
            }
        }
        GetPartitionsRequest request = GetPartitionsRequest.builder()
                .catalogId(catalogId)
                .databaseName(database)
                .tableName(table)
                .excludeColumnSchema(true)
                .build();
        int partitions = 0;
        long objects = 0;
        long max = 0;
        String scheme = "s3://" + bucket + "/";
        for (var page : glue.getPartitionsPaginator(request)) {
            for (Partition partition : page.partitions()) {
                if (!share.owns(PartitionRef.of(table, keys, partition.values()))
                        || partition.storageDescriptor() == null) {
                    continue;
                }
                String location = partition.storageDescriptor().location();
                if (location == null || !location.startsWith(scheme)) {
                    continue;
                }
                String folder = location.substring(scheme.length());
                long count = perFolder.getOrDefault(folder.endsWith("/") ? folder : folder + "/", 0L);
                partitions++;
                objects += count;
                max = Math.max(max, count);
            }
        }
        return new TableObjects(partitions, objects, max);
    }
}
