package io.stocklake.it.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One tick as a downstream consumer sees it: the record key and timestamp and the fields of the JsonConverter
 * payload. Equal ticks are equal in every field, so a replayed tick must equal the original.
 */
record Tick(
        String key,
        long timestamp,
        String symbol,
        String exchange,
        long eventTime,
        long seq,
        double price,
        int size,
        double bid,
        double ask,
        int bidSize,
        int askSize,
        long dayVolume) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Tick from(ConsumerRecord<String, String> record) {
        JsonNode p = envelope(record).path("payload");
        return new Tick(
                record.key(),
                record.timestamp(),
                p.path("symbol").asText(),
                p.path("exchange").asText(),
                p.path("event_time").asLong(),
                p.path("seq").asLong(),
                p.path("price").asDouble(),
                p.path("size").asInt(),
                p.path("bid").asDouble(),
                p.path("ask").asDouble(),
                p.path("bid_size").asInt(),
                p.path("ask_size").asInt(),
                p.path("day_volume").asLong());
    }

    /** The value as JsonConverter wrote it: {@code {"schema": ..., "payload": ...}}. */
    static JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Not JSON at offset " + record.offset() + ": " + record.value(), e);
        }
    }

    TickId id() {
        return new TickId(symbol, seq);
    }

    /** A tick's identity: each symbol's stream numbers its ticks from 1. */
    record TickId(String symbol, long seq) {}
}
