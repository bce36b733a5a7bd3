package io.stocklake.bench.freshness;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records of a one-partition topic carry a timestamp in a window, from the broker's time index: the
 * source writes event times in order, so the records of {@code [from, to)} lie between the first offsets at or
 * past each end. Nothing is read, so a topic of millions of records costs no memory.
 */
public final class WindowCount {

    private WindowCount() {}

    public static long of(Admin admin, String topic, long fromMillis, long toMillis) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = offset(admin, partition, OffsetSpec.latest());
        return at(admin, partition, toMillis, end) - at(admin, partition, fromMillis, end);
    }

    /** The first offset whose timestamp is at or past {@code millis}; the end offset when there is none. */
    private static long at(Admin admin, TopicPartition partition, long millis, long end) {
        long offset = offset(admin, partition, OffsetSpec.forTimestamp(millis));
        return offset < 0 ? end : offset;
    }

    private static long offset(Admin admin, TopicPartition partition, OffsetSpec spec) {
        try {
            ListOffsetsResultInfo info = admin.listOffsets(Map.of(partition, spec))
                    .partitionResult(partition)
                    .get(30, TimeUnit.SECONDS);
            return info.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list offsets of " + partition, e);
        }
    }
}
