package io.stocklake.glue.endpoint.catalog;

import io.stocklake.glue.endpoint.expression.PartitionPredicate;
import java.util.List;

/**
 * Which partitions a GetPartitions call asks for: those its expression accepts, within its segment. Segments
 * split partitions by a hash of their values, so every partition falls in exactly one segment of a given total.
 */
public record PartitionSelection(PartitionPredicate predicate, int segmentNumber, int totalSegments) {
    public static PartitionSelection of(PartitionPredicate predicate) {
        return new PartitionSelection(predicate, 0, 1);
    }

    boolean accepts(List<String> values) {
        // List.hashCode over Strings is specified, so segments stay the same across runs.
        return Math.floorMod(values.hashCode(), totalSegments) == segmentNumber && predicate.test(values);
    }
}
