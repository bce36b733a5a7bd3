package io.stocklake.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic, from the beginning to its end offsets at the time of the call. */
public final class TopicReader {

    private final Map<String, Object> clientConfig;
    private final IsolationLevel isolation;

    public TopicReader(String bootstrapServers, IsolationLevel isolation) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), isolation);
    }

    /** A reader with these client settings (e.g. a secured broker's {@link KafkaBroker#clientConfig()}). */
    public TopicReader(Map<String, Object> clientConfig, IsolationLevel isolation) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.isolation = isolation;
    }

    /** A read_committed reader of this broker, as its admin on a secured one. */
    public static TopicReader readCommitted(KafkaBroker broker) {
        return new TopicReader(broker.clientConfig(), IsolationLevel.READ_COMMITTED);
    }

    /** A read_uncommitted reader of this broker, as its admin on a secured one. */
    public static TopicReader readUncommitted(KafkaBroker broker) {
        return new TopicReader(broker.clientConfig(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** A reader that sees only committed transactions, as downstream consumers of an exactly-once source do. */
    public static TopicReader readCommitted(String bootstrapServers) {
        return new TopicReader(bootstrapServers, IsolationLevel.READ_COMMITTED);
    }

    public static TopicReader readUncommitted(String bootstrapServers) {
        return new TopicReader(bootstrapServers, IsolationLevel.READ_UNCOMMITTED);
    }

    /** Every record of the topic up to its current end, keys and values as strings, in offset order per partition. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!end.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "Could not read " + topic + " to its end within " + timeout + "; left: " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return records;
        }
    }

    /** The number of partitions of a topic, or 0 when it does not exist yet. */
    public int partitionCount(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> partitions =
                    consumer.listTopics(Duration.ofSeconds(10)).get(topic);
            return partitions == null ? 0 : partitions.size();
        }
    }

    /** The sum of the end offsets of all partitions (with read_committed: up to the last stable offset). */
    public long endOffsetSum(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offset of each partition (with read_committed: its last stable offset), by partition number. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().partition(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
