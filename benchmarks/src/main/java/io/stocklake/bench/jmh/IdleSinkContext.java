package io.stocklake.bench.jmh;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A sink task's context that is never asked for anything: a micro-benchmark's writes do not fail. */
final class IdleSinkContext implements SinkTaskContext {

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    /** No worker, no metrics. */
    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new IllegalStateException("a write failed and asked for a rewind to " + offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        offset(Map.of(tp, offset));
    }

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}
}
