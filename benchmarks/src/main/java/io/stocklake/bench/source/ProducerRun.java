package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The yardstick: a plain {@link KafkaProducer} in this JVM sending the connector's own serialized records again as
 * fast as it can, with the producer settings a Connect worker gives its source tasks (acks=all, one request in
 * flight, no idempotence) and the shipped configuration's {@code producer.override.*} on top, so that the ratio
 * measures Connect and the connector rather than different producer tuning or payloads.
 */
final class ProducerRun {

    static final Map<String, Object> CONNECT_PRODUCER_SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            1,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            false);

    private final String bootstrapServers;
    private final Map<String, String> overrides;
    private final Topics topics;

    ProducerRun(String bootstrapServers, Map<String, String> overrides, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.overrides = Map.copyOf(overrides);
        this.topics = topics;
    }

    Throughput run(String topic, long records, RecordSample sample, Duration timeout) throws InterruptedException {
        topics.create(topic);
        AtomicReference<Exception> failure = new AtomicReference<>();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(topic, records, sample, failure));
        try {
            return topics.sampler(topic).awaitRecords(records, timeout);
        } finally {
            sending.join();
            if (failure.get() != null) {
                throw new IllegalStateException("Producer failed", failure.get());
            }
        }
    }

    /** What the producer runs with: Connect's settings for source tasks, then the connector's overrides. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(CONNECT_PRODUCER_SETTINGS);
        config.putAll(overrides);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    private void send(String topic, long records, RecordSample sample, AtomicReference<Exception> failure) {
        Map<String, Object> config = producerConfig();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, 0, sample.key(i), sample.value(i)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
