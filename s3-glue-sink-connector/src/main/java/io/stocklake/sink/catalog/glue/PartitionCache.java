package io.stocklake.sink.catalog.glue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The partitions known to be registered, least recently used dropped first once {@code capacity} is reached. */
final class PartitionCache {

    /** One partition of one catalog table. */
    record Key(String table, List<String> values) {
        Key {
            values = List.copyOf(values);
        }
    }

    private final Map<Key, Boolean> known;

    PartitionCache(int capacity) {
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean contains(Key key) {
        return known.get(key) != null;
    }

    void add(Key key) {
        known.put(key, Boolean.TRUE);
    }

    int size() {
        return known.size();
    }
}
