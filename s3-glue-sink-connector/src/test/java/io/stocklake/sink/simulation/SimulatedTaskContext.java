package io.stocklake.sink.simulation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** What one simulated task asks of the worker: rewinds (taken at the next poll) and the dead letter queue. */
final class SimulatedTaskContext implements SinkTaskContext {

    private final String task;
    private final DeadLetterQueue deadLetters;
    private final Map<TopicPartition, Long> rewinds = new HashMap<>();
    private Set<TopicPartition> assignment = Set.of();

    SimulatedTaskContext(String task, DeadLetterQueue deadLetters) {
        this.task = task;
        this.deadLetters = deadLetters;
    }

    void assign(Set<TopicPartition> partitions) {
        assignment = Set.copyOf(partitions);
    }

    /** The rewinds asked for since the last poll, which the worker applies and forgets. */
    synchronized Map<TopicPartition, Long> takeRewinds() {
        Map<TopicPartition, Long> taken = new HashMap<>(rewinds);
        rewinds.clear();
        return taken;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public synchronized void offset(Map<TopicPartition, Long> offsets) {
        rewinds.putAll(offsets);
    }

    @Override
    public synchronized void offset(TopicPartition tp, long offset) {
        rewinds.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return (record, error) -> {
            deadLetters.report(task, new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset());
            return CompletableFuture.completedFuture(null);
        };
    }
}
