package io.stocklake.it.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces trades (keyed by symbol) and remembers where each landed: its partition and offset. */
final class TradeProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    TradeProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        // Idempotence tripped OutOfOrderSequenceException on just-created topics here; one request in
                        // flight keeps the order instead.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new StringSerializer(),
                new StringSerializer());
    }

    /** A trade and the place Kafka gave it. */
    record Produced(Trade trade, int partition, long offset) {}

    /** Sends the trades in order and waits for all acknowledgements. */
    List<Produced> send(String topic, List<Trade> trades) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(trades.size());
        for (Trade trade : trades) {
            acks.add(producer.send(new ProducerRecord<>(
                    topic, null, trade.eventTime().toEpochMilli(), trade.symbol(), trade.connectJson())));
        }
        List<Produced> produced = new ArrayList<>(trades.size());
        for (int i = 0; i < trades.size(); i++) {
            RecordMetadata metadata = await(acks.get(i));
            produced.add(new Produced(trades.get(i), metadata.partition(), metadata.offset()));
        }
        return produced;
    }

    /** Sends one raw value (for records the sink must reject) and returns its metadata. */
    RecordMetadata sendRaw(String topic, int partition, String key, String value) {
        return await(producer.send(new ProducerRecord<>(topic, partition, key, value)));
    }

    @Override
    public void close() {
        producer.close();
    }

    private static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Produce failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
