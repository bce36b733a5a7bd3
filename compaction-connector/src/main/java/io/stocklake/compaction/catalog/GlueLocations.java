package io.stocklake.compaction.catalog;

import io.stocklake.compaction.plan.PartitionRef;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/**
 * Partition locations in the Glue Data Catalog. A move is one UpdatePartition call carrying the partition as it
 * is with only the location changed: Glue applies it whole, so a query plans with the old location or the new one.
 */
public final class GlueLocations implements PartitionLocations {

    private final GlueClient glue;
    private final String catalogId;
    private final String database;

    /** @param catalogId empty for the caller's account's catalog */
    public GlueLocations(GlueClient glue, String catalogId, String database) {
        this.glue = glue;
        this.catalogId = catalogId.isEmpty() ? null : catalogId;
        this.database = database;
    }

    @Override
    public String location(PartitionRef partition) {
        Partition found = get(partition);
        return found == null || found.storageDescriptor() == null
                ? null
                : found.storageDescriptor().location();
    }

    @Override
    public void point(PartitionRef partition, String location) {
        Partition current = get(partition);
        if (current == null) {
            throw EntityNotFoundException.builder()
                    .message("partition " + partition + " is not in Glue database " + database)
                    .build();
        }
        PartitionInput input = PartitionInput.builder()
                .values(current.values())
                .parameters(current.parameters())
                .storageDescriptor(current.storageDescriptor().toBuilder()
                        .location(location)
                        .build())
                .build();
        glue.updatePartition(r -> r.catalogId(catalogId)
                .databaseName(database)
                .tableName(partition.table())
                .partitionValueList(current.values())
                .partitionInput(input));
    }

    private Partition get(PartitionRef partition) {
        try {
            return glue.getPartition(r -> r.catalogId(catalogId)
                            .databaseName(database)
                            .tableName(partition.table())
                            .partitionValues(partition.values()))
                    .partition();
        } catch (EntityNotFoundException e) {
            return null;
        }
    }
}
