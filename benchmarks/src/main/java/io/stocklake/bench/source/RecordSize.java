package io.stocklake.bench.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The average serialized size of a topic's records, key and value apart, as they lie in Kafka.
 *
 * @param keyBytes   mean key size in bytes
 * @param valueBytes mean value size in bytes
 */
public record RecordSize(double keyBytes, double valueBytes) {

    public double totalBytes() {
        return keyBytes + valueBytes;
    }

    /** Measured over the first {@code sample} records of the topic's only partition. */
    static RecordSize ofTopic(String bootstrapServers, String topic, int sample) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, sample);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long keys = 0;
            long values = 0;
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read < sample && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (read < sample) {
                        keys += record.key() == null ? 0 : record.key().length;
                        values += record.value() == null ? 0 : record.value().length;
                        read++;
                    }
                }
            }
            if (read == 0) {
                throw new IllegalStateException("No records to measure in " + topic);
            }
            return new RecordSize((double) keys / read, (double) values / read);
        }
    }
}
