package io.stocklake.sink.catalog.glue;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partitions known to be registered, least recently used dropped first once {@code capacity} is reached. A
 * partition is trusted for {@code ttl} after it was last seen in the catalog, as someone may drop it meanwhile;
 * then it counts as unknown and is looked up again.
 */
final class PartitionCache {

    /** One partition of one catalog table. */
    record Key(String table, List<String> values) {
        Key {
            values = List.copyOf(values);
        }
    }

    private record Seen(String location, long at) {}

    private final Map<Key, Seen> seen;
    private final long ttlMillis;
    private final Clock clock;

    PartitionCache(int capacity, Duration ttl, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when the partition was seen in the catalog less than the TTL ago. */
    boolean contains(Key key) {
        Seen last = seen.get(key);
        return last != null && clock.millis() - last.at() < ttlMillis;
    }

    /** The partition is in the catalog now, at {@code location}. */
    void add(Key key, String location) {
        seen.put(key, new Seen(location, clock.millis()));
    }

    /**
     * Forgets every partition of a table (it was found dropped, and its partitions with it) and returns their
     * values and locations, to register them again.
     */
    Map<List<String>, String> forget(String table) {
        Map<List<String>, String> forgotten = new LinkedHashMap<>();
        seen.entrySet().removeIf(e -> {
            if (!e.getKey().table().equals(table)) {
                return false;
            }
            forgotten.put(e.getKey().values(), e.getValue().location());
            return true;
        });
        return forgotten;
    }

    int size() {
        return seen.size();
    }
}
