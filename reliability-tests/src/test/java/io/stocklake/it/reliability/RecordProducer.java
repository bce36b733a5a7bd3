package io.stocklake.it.reliability;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends record values as given (well-formed or not) to partition 0, one at a time, and returns each offset. */
final class RecordProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    RecordProducer(String bootstrapServers, int maxRequestBytes) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Sends one record with {@code timestamp} as its record time; returns its offset. */
    long send(String topic, String key, long timestamp, String value) {
        try {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, 0, timestamp, key, value))
                    .get();
            return sent.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused a record of " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
