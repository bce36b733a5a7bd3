package io.stocklake.compaction.rewrite;

import io.stocklake.compaction.plan.PartitionRef;
import java.util.List;

/** Rewrites a partition's files into few large ones. */
public interface Rewriter {

    /**
     * Writes the records of {@code inputs} (object keys) as new files under {@code folder} and returns their keys.
     * Nothing else may be under {@code folder} afterwards; the inputs are left as they are.
     */
    List<String> rewrite(PartitionRef partition, List<String> inputs, String folder);
}
