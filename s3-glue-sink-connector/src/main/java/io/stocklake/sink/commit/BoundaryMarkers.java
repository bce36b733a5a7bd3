package io.stocklake.sink.commit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectStore;
import org.apache.kafka.common.TopicPartition;

/**
 * Durable records of rotations a replay could not recompute (wall-clock schedule, memory pressure): one
 * tiny object per rotation, named after the batch's first offset and holding the offset after its last.
 */
final class BoundaryMarkers {

    /** A rotation that covered offsets [start, end). */
    record Boundary(String key, long start, long end) {
    }

    private final ObjectStore store;
    private final ObjectLayout layout;

    BoundaryMarkers(ObjectStore store, ObjectLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    void write(String table, TopicPartition tp, long start, long end) {
        store.put(layout.markerKey(table, tp, start), Long.toString(end).getBytes(StandardCharsets.US_ASCII));
    }

    List<Boundary> load(String table, TopicPartition tp) {
        List<Boundary> boundaries = new ArrayList<>();
        for (String key : store.list(layout.markerPrefix(table, tp))) {
            long end = Long.parseLong(new String(store.get(key), StandardCharsets.US_ASCII).trim());
            boundaries.add(new Boundary(key, layout.markerStart(key), end));
        }
        return boundaries;
    }

    void delete(List<Boundary> boundaries) {
        store.delete(boundaries.stream().map(Boundary::key).toList());
    }
}
