package io.stocklake.deploy;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * What a Connect worker gives one sink task that owns {@code assignment}, for driving the task in-process: no
 * rewinds are expected (the test fails on one), no metrics, no dead letter queue.
 */
final class SingleTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final Set<TopicPartition> assignment;

    SingleTaskContext(Map<String, String> configs, Set<TopicPartition> assignment) {
        this.configs = Map.copyOf(configs);
        this.assignment = Set.copyOf(assignment);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new AssertionError("the sink rewound to " + offsets + ": an upload failed");
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        offset(Map.of(tp, offset));
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
}
