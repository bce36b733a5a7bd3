package io.stocklake.compaction.plan;

/**
 * Which task compacts which partition: each partition belongs to exactly one of {@code count} tasks, by a hash of
 * its table and path, so tasks split the work without talking to each other and the split survives restarts.
 */
public record PartitionShare(int index, int count) {

    public PartitionShare {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("task " + index + " of " + count);
        }
    }

    public boolean owns(PartitionRef partition) {
        return Math.floorMod(partition.toString().hashCode(), count) == index;
    }
}
