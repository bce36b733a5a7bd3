package io.stocklake.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One tick as it sits in Kafka: the payload of the source connector's JSON value (JsonConverter with schemas), read
 * independently of the sink, so that what Trino answers can be checked against it.
 */
record Tick(
        String symbol,
        String exchange,
        Instant eventTime,
        long seq,
        double price,
        int size,
        double bid,
        double ask,
        int bidSize,
        int askSize,
        long dayVolume) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a record value {@code {"schema": ..., "payload": {...}}}; the Timestamp field is epoch milliseconds. */
    static Tick fromConnectJson(String value) {
        JsonNode payload;
        try {
            payload = JSON.readTree(value).path("payload");
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + value, e);
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("no payload object in " + value);
        }
        return new Tick(
                payload.get("symbol").asText(),
                payload.get("exchange").asText(),
                Instant.ofEpochMilli(payload.get("event_time").asLong()),
                payload.get("seq").asLong(),
                payload.get("price").asDouble(),
                payload.get("size").asInt(),
                payload.get("bid").asDouble(),
                payload.get("ask").asDouble(),
                payload.get("bid_size").asInt(),
                payload.get("ask_size").asInt(),
                payload.get("day_volume").asLong());
    }

    /** The Hive partition the sink puts it in: {@code dt}/{@code hour} of the event time in UTC. */
    HivePartition partition() {
        return HivePartition.of(eventTime);
    }

    /** The event time as Athena shows a TIMESTAMP: the UTC wall-clock time. */
    LocalDateTime utcTime() {
        return LocalDateTime.ofInstant(eventTime, ZoneOffset.UTC);
    }

    /** The price as the exact decimal on the $0.0001 grid it was generated on. */
    BigDecimal exactPrice() {
        return BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_UP);
    }
}
