package io.stocklake.sink.route;

import java.util.List;
import java.util.stream.Collectors;

/** The Hive partition a record belongs to, e.g. {@code dt=2026-11-24/hour=03/symbol=AAPL}. */
public record PartitionPath(List<PartitionValue> levels) {

    public PartitionPath {
        levels = List.copyOf(levels);
    }

    /** The path under the table folder, without leading or trailing '/': each level's escaped folder. */
    public String path() {
        return levels.stream().map(PartitionValue::folder).collect(Collectors.joining("/"));
    }

    /** The partition values in key order, unescaped, as a catalog registers them. */
    public List<String> values() {
        return levels.stream().map(PartitionValue::value).toList();
    }

    @Override
    public String toString() {
        return path();
    }
}
