package io.stocklake.compaction.catalog;

import io.stocklake.compaction.plan.PartitionRef;

/** Where readers find a partition's files: the catalog's location of it, and the one call that moves them. */
public interface PartitionLocations {

    /** The partition's location ({@code s3://bucket/prefix/}), or null when the catalog has no such partition. */
    String location(PartitionRef partition);

    /** Points the partition at {@code location} in one catalog call: readers see all old files or all new ones. */
    void point(PartitionRef partition, String location);
}
