package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.ReplaySourceConnector;
import io.stocklake.bench.workload.ProcessCpu;
import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.UniqueNames;
import io.stocklake.stack.ConnectRest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs of a source connector through the Connect worker, one task, converters and producer overrides as shipped
 * (for one {@link RecordShape}), until the topic holds the records asked for: the tick source on the simulated
 * clock as fast as it goes, or the replay source handing Connect a sample of its records again.
 */
final class ConnectorRun {

    private final ConnectRest rest;
    private final Map<String, String> producerOverrides;
    private final Topics topics;
    private final RecordShape shape;
    private final ProcessCpu workerCpu;

    /** @param workerCpu the CPU time of the worker that runs the connectors, read over each measured span */
    ConnectorRun(
            ConnectRest rest,
            Map<String, String> producerOverrides,
            Topics topics,
            RecordShape shape,
            ProcessCpu workerCpu) {
        this.rest = rest;
        this.workerCpu = workerCpu;
        this.producerOverrides = Map.copyOf(producerOverrides);
        this.topics = topics;
        this.shape = shape;
    }

    /** The tick source, {@code max.ticks=ticks}. */
    Throughput ticks(String topic, long ticks, Duration timeout) throws InterruptedException {
        return run(topic, config(topic, ticks, producerOverrides, shape), ticks, timeout);
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
            // The sample holds what the tick source wrote; without embedded schemas, it is read as the sink reads it.
            c.put("records.schema", shape.sinkConverters().getOrDefault("value.converter.schema.content", ""));
            putShippedWorkerSettings(c, producerOverrides, shape);
            return run(topic, c, records, timeout);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Throughput run(String topic, Map<String, String> config, long records, Duration timeout)
            throws InterruptedException {
        topics.create(topic);
        String connector = UniqueNames.of(topic);
        rest.putConnector(connector, config);
        try {
            return topics.sampler(topic, workerCpu).awaitRecords(records, timeout);
        } finally {
            rest.deleteConnector(connector);
        }
    }

    static Map<String, String> config(
            String topic, long ticks, Map<String, String> producerOverrides, RecordShape shape) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        c.put("tasks.max", "1");
        c.put("topic", topic);
        c.put("clock", "simulated");
        c.put("simulated.acceleration", "0");
        c.put("max.ticks", Long.toString(ticks));
        putShippedWorkerSettings(c, producerOverrides, shape);
        return c;
    }

    /** Converters and producer overrides as shipped: what Connect does per record, whoever the connector is. */
    private static void putShippedWorkerSettings(
            Map<String, String> c, Map<String, String> producerOverrides, RecordShape shape) {
        c.putAll(shape.sourceConverters());
        producerOverrides.forEach((key, value) -> c.put(ShippedSourceConfig.OVERRIDE_PREFIX + key, value));
    }
}
