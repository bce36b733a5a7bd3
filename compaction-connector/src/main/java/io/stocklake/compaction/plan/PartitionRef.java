package io.stocklake.compaction.plan;

import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionPath;
import io.stocklake.sink.route.PartitionValue;
import java.util.List;

/**
 * One partition of one of the sink's tables, named as the catalog registers it (keys and values) and placed in the
 * bucket exactly as the sink places it: the folder comes from the sink's own {@link ObjectLayout}.
 */
public record PartitionRef(String table, PartitionPath path) {

    /** The partition with these catalog values for the table's partition keys, in key order. */
    public static PartitionRef of(String table, List<String> keys, List<String> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(
                    "table " + table + " has partition keys " + keys + " but a partition" + " has values " + values);
        }
        List<PartitionValue> levels = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            levels.add(new PartitionValue(keys.get(i), values.get(i)));
        }
        return new PartitionRef(table, new PartitionPath(levels));
    }

    public Destination destination() {
        return new Destination(table, path);
    }

    public List<String> values() {
        return path.values();
    }

    @Override
    public String toString() {
        return table + "/" + path.path();
    }
}
