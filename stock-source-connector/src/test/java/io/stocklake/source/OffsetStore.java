package io.stocklake.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Source offsets kept the way a worker keeps them: serialised by a schemaless {@link JsonConverter} and read
 * back from the bytes, so numbers come back with the widths JSON gives them.
 */
final class OffsetStore implements OffsetStorageReader, SourceTaskContext {

    private static final String TOPIC = "offsets";

    private final JsonConverter converter = new JsonConverter();
    private final Map<String, byte[]> stored = new HashMap<>();

    OffsetStore() {
        converter.configure(Map.of("schemas.enable", "false"), false);
    }

    void commit(List<SourceRecord> records) {
        for (SourceRecord record : records) {
            stored.put(key(record.sourcePartition()), converter.fromConnectData(TOPIC, null, record.sourceOffset()));
        }
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        byte[] bytes = stored.get(key(partition));
        if (bytes == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> offset =
                (Map<String, Object>) converter.toConnectData(TOPIC, bytes).value();
        return offset;
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            offsets.put(partition, offset(partition));
        }
        return offsets;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the connector registers no metrics");
    }

    private static String key(Map<String, ?> partition) {
        return new TreeMap<>(partition).toString();
    }
}
