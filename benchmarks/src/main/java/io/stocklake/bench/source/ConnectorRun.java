package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.ReplaySourceConnector;
import io.stocklake.testing.ConnectRest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs of a source connector through the Connect worker, one task, converters and producer overrides as shipped
 * (string keys, JSON values with schemas), until the topic holds the records asked for: the tick source on the
 * simulated clock as fast as it goes, or the replay source handing Connect a sample of its records again.
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

    /** The tick source, {@code max.ticks=ticks}. */
    Throughput ticks(String topic, long ticks, Duration timeout) throws InterruptedException {
        return run(topic, config(topic, ticks, producerOverrides), ticks, timeout);
    }

    /**
     * The replay source: Connect's own work per record and no connector's, so the most any source connector can
     * reach on this worker with these settings, as the no-op sink is for sinks.
     */
    Throughput replay(String topic, long records, RecordSample sample, Duration timeout)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("bench-replay-", ".tsv");
        try {
            sample.writeLines(file);
            Map<String, String> c = new HashMap<>();
            c.put("connector.class", ReplaySourceConnector.class.getName());
            c.put("tasks.max", "1");
            c.put("topic", topic);
            c.put("records.file", file.toAbsolutePath().toString());
            c.put("max.records", Long.toString(records));
            putShippedWorkerSettings(c, producerOverrides);
            return run(topic, c, records, timeout);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Throughput run(String topic, Map<String, String> config, long records, Duration timeout)
            throws InterruptedException {
        topics.create(topic);
        rest.putConnector(topic, config);
        try {
            return topics.sampler(topic).awaitRecords(records, timeout);
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
    private static void putShippedWorkerSettings(Map<String, String> c, Map<String, String> producerOverrides) {
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "true");
        producerOverrides.forEach((key, value) -> c.put(ShippedSourceConfig.OVERRIDE_PREFIX + key, value));
    }
}
