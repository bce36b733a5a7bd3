package io.stocklake.sink.commit;

import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.VersionedObject;
import org.apache.kafka.common.TopicPartition;

/**
 * The offset below which a Kafka partition's records have landed, as its boundary log records it. No writer ever
 * writes a file again that starts below it: a writer taking the partition over starts there at the earliest, and
 * batches end where others begin, so a file starting below it belongs to a landed batch. The log names it with one
 * batch's delay (each batch's upload records the offset landed before it), which makes it safe, not exact.
 */
public final class LandedOffsets {

    private final ObjectStore store;
    private final ObjectLayout layout;

    public LandedOffsets(ObjectStore store, ObjectLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    /** The landed offset of {@code tp}'s records in {@code table}, or -1 when no writer recorded any. */
    public long landed(String table, TopicPartition tp) {
        VersionedObject log = store.read(layout.boundaryLogKey(table, tp));
        return log == null ? -1 : BoundaryLog.landedIn(log.content());
    }
}
