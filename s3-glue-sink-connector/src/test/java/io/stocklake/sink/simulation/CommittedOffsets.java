package io.stocklake.sink.simulation;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer group's committed offsets. Like the group coordinator, it refuses a commit from a member of an
 * older generation: a task that lost its partitions can no longer commit.
 */
final class CommittedOffsets {

    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private int generation;

    int nextGeneration() {
        return ++generation;
    }

    /** False (the commit is refused) for a fenced generation. */
    boolean commit(int memberGeneration, Map<TopicPartition, Long> offsets) {
        if (memberGeneration != generation) {
            return false;
        }
        committed.putAll(offsets);
        return true;
    }

    long of(TopicPartition tp) {
        return committed.getOrDefault(tp, 0L);
    }
}
