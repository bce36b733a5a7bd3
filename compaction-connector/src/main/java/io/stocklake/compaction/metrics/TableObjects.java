package io.stocklake.compaction.metrics;

/**
 * The objects a query of a table's partitions reads, counted in the partitions one task compacts: each partition's
 * objects are those directly in the folder the catalog points it at (the sink's folder, or a compacted generation),
 * hidden names left out as readers leave them out.
 *
 * @param partitions partitions counted
 * @param objects    objects in their current locations
 * @param maxPerPartition the most objects in any one of them
 */
public record TableObjects(int partitions, long objects, long maxPerPartition) {

    public static final TableObjects NONE = new TableObjects(0, 0, 0);
}
