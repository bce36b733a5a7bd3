package io.stocklake.bench.analytics;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The yardstick: a plain {@link KafkaConsumer} in this JVM reading the tick topic from its start as the analytics
 * consume it (string keys, value bytes, {@code read_committed}) and doing nothing with the records, so the most any
 * consumer on this stack can reach. It counts the records its polls return: from the first poll that returns some
 * to the first at or past 90% of the topic.
 */
final class PlainConsumerRun {

    private static final double END = 0.9;

    private final String bootstrapServers;

    PlainConsumerRun(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Throughput run(String group, String topic, long records, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        long target = (long) Math.ceil(records * END);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long firstRead = 0;
            long firstAt = 0;
            while (Instant.now().isBefore(deadline)) {
                read += consumer.poll(Duration.ofMillis(100)).count();
                long now = System.nanoTime();
                if (firstAt == 0 && read > 0) {
                    firstRead = read;
                    firstAt = now;
                } else if (firstAt > 0 && read >= target) {
                    return new Throughput(read - firstRead, (now - firstAt) / 1e9);
                }
            }
            throw new IllegalStateException(
                    "The plain consumer did not read " + target + " of " + records + " records within " + timeout);
        }
    }
}
