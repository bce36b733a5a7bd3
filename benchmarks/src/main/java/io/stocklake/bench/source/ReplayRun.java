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
 * One run of the replay source through the Connect worker: the connector's own sampled records handed to Connect
 * again, with the same converters and producer overrides. What it reaches is the most any source connector can,
 * on this worker with these settings: Connect's ceiling, as the no-op sink is the sink's.
 */
final class ReplayRun {

    private final ConnectRest rest;
    private final Map<String, String> producerOverrides;
    private final Topics topics;

    ReplayRun(ConnectRest rest, Map<String, String> producerOverrides, Topics topics) {
        this.rest = rest;
        this.producerOverrides = Map.copyOf(producerOverrides);
        this.topics = topics;
    }

    Throughput run(String topic, long records, RecordSample sample, Duration timeout)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("bench-replay-", ".tsv");
        try {
            sample.writeLines(file);
            topics.create(topic);
            rest.putConnector(topic, config(topic, records, file));
            try {
                return topics.sampler(topic).awaitRecords(records, timeout);
            } finally {
                rest.deleteConnector(topic);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Map<String, String> config(String topic, long records, Path file) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", ReplaySourceConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topic", topic);
        c.put("records.file", file.toAbsolutePath().toString());
        c.put("max.records", Long.toString(records));
        ConnectorRun.putShippedWorkerSettings(c, producerOverrides);
        return c;
    }
}
