package io.stocklake.it.glue;

import static org.awaitility.Awaitility.await;

import io.stocklake.stack.KafkaBroker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** How far a sink connector got: the offsets its consumer group {@code connect-<name>} committed. */
final class SinkOffsets implements AutoCloseable {

    private final Admin admin;

    SinkOffsets(KafkaBroker broker) {
        this.admin = broker.admin();
    }

    /** Committed offset per partition of {@code topic}; partitions without a commit are absent. */
    Map<TopicPartition, Long> committed(String connector, String topic) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> all =
                get(admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata());
        all.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** The end offset of every partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description =
                get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Waits until the connector committed every record of the topic there is now. */
    void awaitAllCommitted(String connector, String topic, Duration timeout) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        awaitCommitted(connector, topic, ends, timeout);
    }

    /** Waits until the committed offsets are exactly {@code expected}. */
    void awaitCommitted(String connector, String topic, Map<TopicPartition, Long> expected, Duration timeout) {
        Map<TopicPartition, Long> wanted = new HashMap<>(expected);
        wanted.values().removeIf(offset -> offset == 0L);
        await("connector " + connector + " to commit " + wanted)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> committed(connector, topic).equals(wanted));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
