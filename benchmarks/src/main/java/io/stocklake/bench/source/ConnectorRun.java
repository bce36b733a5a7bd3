package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import io.stocklake.testing.ConnectRest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of the source connector through the Connect worker: one task, the simulated clock as fast as it goes,
 * converters and producer overrides as shipped (string keys, JSON values with schemas), until {@code max.ticks}
 * are in the topic.
 */
final class ConnectorRun {

    private final ConnectRest rest;
    private final Map<String, String> producerOverrides;
    private final Topics topics;

    ConnectorRun(ConnectRest rest, Map<String, String> producerOverrides, Topics topics) {
        this.rest = rest;
        this.producerOverrides = Map.copyOf(producerOverrides);
        this.topics = topics;
    }

    Throughput run(String topic, long ticks, Duration timeout) throws InterruptedException {
        topics.create(topic);
        rest.putConnector(topic, config(topic, ticks, producerOverrides));
        try {
            return topics.sampler(topic).awaitRecords(ticks, timeout);
        } finally {
            rest.deleteConnector(topic);
        }
    }

    static Map<String, String> config(String topic, long ticks, Map<String, String> producerOverrides) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        c.put("tasks.max", "1");
        c.put("topic", topic);
        c.put("clock", "simulated");
        c.put("simulated.acceleration", "0");
        c.put("max.ticks", Long.toString(ticks));
        putShippedWorkerSettings(c, producerOverrides);
        return c;
    }

    /** Converters and producer overrides as shipped: what Connect does per record, whoever the connector is. */
    static void putShippedWorkerSettings(Map<String, String> c, Map<String, String> producerOverrides) {
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "true");
        producerOverrides.forEach((key, value) -> c.put(ShippedSourceConfig.OVERRIDE_PREFIX + key, value));
    }
}
