package io.stocklake.bench.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The first records of a topic's only partition, keys and values as they lie in Kafka: the yardstick producer
 * sends these very bytes again, so that both sides write records of the same size that compress alike.
 */
final class RecordSample {

    private final List<byte[]> keys;
    private final List<byte[]> values;

    RecordSample(List<byte[]> keys, List<byte[]> values) {
        if (keys.isEmpty() || keys.size() != values.size()) {
            throw new IllegalArgumentException("A sample needs as many keys as values, at least one");
        }
        this.keys = List.copyOf(keys);
        this.values = List.copyOf(values);
    }

    int count() {
        return keys.size();
    }

    byte[] key(long i) {
        return keys.get((int) (i % keys.size()));
    }

    byte[] value(long i) {
        return values.get((int) (i % values.size()));
    }

    RecordSize size() {
        double keyBytes = keys.stream().mapToLong(k -> k.length).sum();
        double valueBytes = values.stream().mapToLong(v -> v.length).sum();
        return new RecordSize(keyBytes / keys.size(), valueBytes / values.size());
    }

    /** Writes the sample as lines of {@code key<TAB>value}, both UTF-8 text (string keys, JSON values). */
    void writeLines(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < keys.size(); i++) {
                out.write(new String(keys.get(i), StandardCharsets.UTF_8));
                out.write('\t');
                out.write(new String(values.get(i), StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    /** Up to {@code count} records from the start of the topic's only partition. */
    static RecordSample ofTopic(String bootstrapServers, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, count);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<byte[]> keys = new ArrayList<>(count);
            List<byte[]> values = new ArrayList<>(count);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (keys.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.size() < count) {
                        keys.add(record.key() == null ? new byte[0] : record.key());
                        values.add(record.value() == null ? new byte[0] : record.value());
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("No records to sample in " + topic);
            }
            return new RecordSample(keys, values);
        }
    }
}
