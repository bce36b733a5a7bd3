package io.stocklake.bench.source;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The yardstick: a plain {@link KafkaProducer} in this JVM writing records of a given size as fast as it can,
 * with the producer settings a Connect worker gives its source tasks (acks=all, one request in flight, no
 * idempotence), so that the ratio measures Connect and the connector rather than different producer tuning.
 */
final class ProducerRun {

    static final Map<String, Object> CONNECT_PRODUCER_SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);

    private final String bootstrapServers;
    private final Topics topics;

    ProducerRun(String bootstrapServers, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    Throughput run(String topic, long records, RecordSize size, Duration timeout) throws InterruptedException {
        topics.create(topic);
        byte[][] keys = payloads(20, (int) Math.round(size.keyBytes()), 1);
        byte[][] values = payloads(64, (int) Math.round(size.valueBytes()), 2);
        AtomicReference<Exception> failure = new AtomicReference<>();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(topic, records, keys, values, failure));
        try {
            return topics.sampler(topic).awaitRecords(records, timeout);
        } finally {
            sending.join();
            if (failure.get() != null) {
                throw new IllegalStateException("Producer failed", failure.get());
            }
        }
    }

    private void send(String topic, long records, byte[][] keys, byte[][] values, AtomicReference<Exception> failure) {
        Map<String, Object> config = new HashMap<>(CONNECT_PRODUCER_SETTINGS);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, 0, keys[(int) (i % keys.length)], values[(int) (i % values.length)]),
                        (metadata, e) -> {
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

    /** A few distinct payloads of one length, random bytes so that nothing compresses or dedupes them. */
    private static byte[][] payloads(int count, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] payloads = new byte[count][length];
        for (byte[] payload : payloads) {
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) random.nextInt(256);
            }
        }
        return payloads;
    }
}
