package io.stocklake.analytics.ticks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a tick record as the source connector writes it with Kafka's JsonConverter: either the envelope
 * {@code {"schema": ..., "payload": {...}}} ({@code schemas.enable=true}) or the payload alone. Fields are those of
 * the {@code StockTick} schema; {@code event_time} is epoch milliseconds. Anything else is an {@link
 * TickReading.Invalid} with the reason, never an exception.
 */
public final class TickParser {

    private final ObjectMapper mapper = new ObjectMapper();

    public TickReading read(String key, byte[] value) {
        if (value == null) {
            return invalid("the record has no value", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            return invalid("the value is not JSON: " + e.getOriginalMessage(), value);
        } catch (IOException e) {
            return invalid("the value cannot be read: " + e.getMessage(), value);
        }
        if (root == null || !root.isObject()) {
            return invalid("the value is not a JSON object", value);
        }
        JsonNode payload = root.has("schema") && root.has("payload") ? root.get("payload") : root;
        if (!payload.isObject()) {
            return invalid("the payload is not a JSON object", value);
        }
        try {
            Tick tick = new Tick(
                    text(payload, "symbol"),
                    text(payload, "exchange"),
                    between(payload, "event_time", 0, Long.MAX_VALUE),
                    between(payload, "seq", 1, Long.MAX_VALUE),
                    positive(payload, "price"),
                    (int) between(payload, "size", 1, Integer.MAX_VALUE),
                    positive(payload, "bid"),
                    positive(payload, "ask"),
                    (int) between(payload, "bid_size", 0, Integer.MAX_VALUE),
                    (int) between(payload, "ask_size", 0, Integer.MAX_VALUE),
                    between(payload, "day_volume", 0, Long.MAX_VALUE));
            if (key != null && !key.equals(tick.symbol())) {
                // Bars are computed per task without a repartition: a tick must sit in its symbol's partition.
                return invalid("the record key '" + key + "' is not the tick's symbol '" + tick.symbol() + "'", value);
            }
            return new TickReading.Valid(tick);
        } catch (BadField e) {
            return invalid(e.getMessage(), value);
        }
    }

    private static TickReading invalid(String reason, byte[] value) {
        return new TickReading.Invalid(reason, value);
    }

    private static JsonNode field(JsonNode payload, String name) {
        JsonNode node = payload.get(name);
        if (node == null || node.isNull()) {
            throw new BadField("field '" + name + "' is missing");
        }
        return node;
    }

    private static String text(JsonNode payload, String name) {
        JsonNode node = field(payload, name);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new BadField("field '" + name + "' must be a non-empty string, got " + node);
        }
        return node.asText();
    }

    private static long integral(JsonNode payload, String name) {
        JsonNode node = field(payload, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadField("field '" + name + "' must be a whole number, got " + node);
        }
        return node.longValue();
    }

    private static long between(JsonNode payload, String name, long min, long max) {
        long value = integral(payload, name);
        if (value < min || value > max) {
            throw new BadField("field '" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static double positive(JsonNode payload, String name) {
        JsonNode node = field(payload, name);
        if (!node.isNumber()) {
            throw new BadField("field '" + name + "' must be a number, got " + node);
        }
        double value = node.doubleValue();
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new BadField("field '" + name + "' must be a positive finite number, got " + node);
        }
        return value;
    }

    /** A field that makes the record unusable; caught within this class. */
    private static final class BadField extends RuntimeException {

        BadField(String message) {
            super(message, null, false, false);
        }
    }
}
