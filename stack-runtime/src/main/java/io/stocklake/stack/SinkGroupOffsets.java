package io.stocklake.stack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets a sink connector has committed: those of its consumer group, {@code connect-<connector name>}
 * unless the connector overrides {@code consumer.override.group.id}.
 */
public final class SinkGroupOffsets {

    private final Admin admin;

    public SinkGroupOffsets(Admin admin) {
        this.admin = admin;
    }

    /** Committed offset per partition of {@code topic}; partitions without a commit are absent. */
    public Map<Integer, Long> committed(String connector, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata()
                    .get(15, TimeUnit.SECONDS);
            Map<Integer, Long> byPartition = new TreeMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && tp.topic().equals(topic)) {
                    byPartition.put(tp.partition(), offset.offset());
                }
            });
            return byPartition;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of connector " + connector, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The sum of the committed offsets over the partitions of {@code topic}. */
    public long committedSum(String connector, String topic) {
        return committed(connector, topic).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
