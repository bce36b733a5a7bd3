package io.stocklake.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * A Kafka Connect cluster in distributed mode: several workers in one group, sharing their config, offset
 * and status topics, loading plugins only from {@code plugin.path}.
 */
public final class ConnectCluster implements AutoCloseable {

    private final List<ConnectWorker> workers = new ArrayList<>();

    /**
     * A cluster of one worker per entry of {@code restPorts}, each keeping its port.
     *
     * @param overrides worker settings that replace or extend {@link #defaults}
     */
    public ConnectCluster(
            KafkaRuntime runtime,
            String bootstrapServers,
            Path pluginPath,
            List<Integer> restPorts,
            Map<String, String> overrides,
            String heap,
            Path workDir,
            Path logsDir) {
        Map<String, String> config = config(bootstrapServers, pluginPath, overrides);
        for (int i = 0; i < restPorts.size(); i++) {
            workers.add(new ConnectWorker("worker-" + i, runtime, config, heap, restPorts.get(i), workDir, logsDir));
        }
    }

    /**
     * A cluster of {@code workerCount} workers on REST ports from {@code freePorts}; a worker whose port another
     * process takes before it binds it picks a new one at its first start.
     */
    public ConnectCluster(
            KafkaRuntime runtime,
            String bootstrapServers,
            Path pluginPath,
            int workerCount,
            IntSupplier freePorts,
            Map<String, String> overrides,
            String heap,
            Path workDir,
            Path logsDir) {
        Map<String, String> config = config(bootstrapServers, pluginPath, overrides);
        for (int i = 0; i < workerCount; i++) {
            workers.add(new ConnectWorker("worker-" + i, runtime, config, heap, freePorts, workDir, logsDir));
        }
    }

    private static Map<String, String> config(String bootstrapServers, Path pluginPath, Map<String, String> overrides) {
        Map<String, String> config = defaults(bootstrapServers, pluginPath);
        config.putAll(overrides);
        return config;
    }

    /** Worker settings for tests: one group, replication factor 1, fast offset commits and rebalances. */
    static Map<String, String> defaults(String bootstrapServers, Path pluginPath) {
        Map<String, String> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.put("group.id", "connect-cluster");
        c.put("plugin.path", pluginPath.toAbsolutePath().toString());
        c.put("plugin.discovery", "service_load");
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("config.storage.topic", "connect-configs");
        c.put("offset.storage.topic", "connect-offsets");
        c.put("status.storage.topic", "connect-status");
        c.put("config.storage.replication.factor", "1");
        c.put("offset.storage.replication.factor", "1");
        c.put("offset.storage.partitions", "5");
        c.put("status.storage.replication.factor", "1");
        c.put("status.storage.partitions", "1");
        c.put("offset.flush.interval.ms", "1000");
        // A departed worker's tasks move after this delay instead of the default five minutes.
        c.put("scheduled.rebalance.max.delay.ms", "3000");
        c.put("task.shutdown.graceful.timeout.ms", "10000");
        c.put("connector.client.config.override.policy", "All");
        return c;
    }

    /** Starts all workers in parallel and waits until each serves its REST API. */
    public ConnectCluster start() {
        CompletableFuture.allOf(workers.stream()
                        .map(w -> CompletableFuture.runAsync(w::start))
                        .toArray(CompletableFuture[]::new))
                .join();
        return this;
    }

    public List<ConnectWorker> workers() {
        return List.copyOf(workers);
    }

    public ConnectWorker worker(int index) {
        return workers.get(index);
    }

    /** The REST API of the first running worker; any worker forwards requests to the leader. */
    public ConnectRest rest() {
        return workers.stream()
                .filter(ConnectWorker::isRunning)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Connect worker is running"))
                .rest();
    }

    @Override
    public void close() {
        CompletableFuture.allOf(workers.stream()
                        .map(w -> CompletableFuture.runAsync(w::stop))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
