package io.stocklake.it.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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

/**
 * Produces ticks as JsonConverter with schemas writes them ({@code {"schema": ..., "payload": ...}}), into a
 * chosen partition with a chosen record timestamp, so a test decides which Hive partition each record lands in.
 * Version 1 of the schema has {@code symbol, seq, price, event_time}; version 2 adds the optional {@code venue}.
 * Timestamps more than an hour ahead of the broker's clock are refused ({@code log.message.timestamp.after.max.ms}):
 * tests use dates in the past, on topics without time-based retention ({@link Topics}).
 */
final class TickProducer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    TickProducer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new StringSerializer());
    }

    /** A version 1 tick. */
    void send(String topic, int partition, Instant time, String symbol, long seq) {
        pending.add(producer.send(new ProducerRecord<>(
                topic, partition, time.toEpochMilli(), symbol, envelope(time, symbol, seq, null))));
    }

    /** A version 2 tick, with {@code venue}. */
    void sendWithVenue(String topic, int partition, Instant time, String symbol, long seq, String venue) {
        pending.add(producer.send(new ProducerRecord<>(
                topic, partition, time.toEpochMilli(), symbol, envelope(time, symbol, seq, venue))));
    }

    /** Waits until everything sent is acknowledged; fails if the broker refused any of it. */
    void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> sent : pending) {
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused a tick", e.getCause());
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static String envelope(Instant time, String symbol, long seq, String venue) {
        ObjectNode schema = JSON.createObjectNode()
                .put("type", "struct")
                .put("name", "TestTick")
                .put("optional", false);
        ArrayNode fields = schema.putArray("fields");
        fields.addObject().put("field", "symbol").put("type", "string").put("optional", false);
        fields.addObject().put("field", "seq").put("type", "int64").put("optional", false);
        fields.addObject().put("field", "price").put("type", "double").put("optional", false);
        fields.addObject()
                .put("field", "event_time")
                .put("type", "int64")
                .put("name", "org.apache.kafka.connect.data.Timestamp")
                .put("version", 1)
                .put("optional", false);
        ObjectNode payload = JSON.createObjectNode()
                .put("symbol", symbol)
                .put("seq", seq)
                .put("price", 100 + seq / 100.0)
                .put("event_time", time.toEpochMilli());
        if (venue != null) {
            schema.put("version", 2);
            fields.addObject().put("field", "venue").put("type", "string").put("optional", true);
            payload.put("venue", venue);
        } else {
            schema.put("version", 1);
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", payload);
        return envelope.toString();
    }
}
