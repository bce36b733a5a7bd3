package io.stocklake.sink.commit;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** How a failed put asks Connect to deliver a partition's records again from an offset, after a pause. */
@FunctionalInterface
public interface Redelivery {

    void request(TopicPartition partition, long fromOffset, long backoffMs);

    /** Through the task's context, which Connect reads before its next poll; only on the task's thread. */
    static Redelivery through(SinkTaskContext context) {
        return (partition, fromOffset, backoffMs) -> {
            context.offset(partition, fromOffset);
            context.timeout(backoffMs);
        };
    }
}
