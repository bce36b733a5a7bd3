package io.stocklake.it.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A trade as JsonConverter with schemas writes it ({@code {"schema": ..., "payload": ...}}): {@code symbol},
 * {@code seq}, {@code price}, {@code event_time}, and an optional {@code note}. Variants break one thing each, for
 * the bad-record tests.
 */
final class TradeEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode schema =
            JSON.createObjectNode().put("type", "struct").put("name", "Trade").put("optional", false);
    private final ArrayNode fields = schema.putArray("fields");
    private final ObjectNode payload = JSON.createObjectNode();

    private TradeEnvelope() {}

    /** A well-formed trade. */
    static TradeEnvelope of(String symbol, long seq, Instant time) {
        TradeEnvelope trade = new TradeEnvelope();
        trade.field("symbol", "string", false).payload.put("symbol", symbol);
        trade.field("seq", "int64", false).payload.put("seq", seq);
        trade.field("price", "double", false).payload.put("price", 100 + seq / 100.0);
        trade.fields
                .addObject()
                .put("field", "event_time")
                .put("type", "int64")
                .put("name", "org.apache.kafka.connect.data.Timestamp")
                .put("version", 1)
                .put("optional", false);
        trade.payload.put("event_time", time.toEpochMilli());
        trade.field("note", "string", true).payload.putNull("note");
        return trade;
    }

    /** Sets {@code event_time} to these epoch milliseconds, however far from now (an extreme time). */
    TradeEnvelope eventTimeMillis(long millis) {
        payload.put("event_time", millis);
        return this;
    }

    /** Adds an optional struct {@code meta} holding the string {@code venue}: a nested field to partition by. */
    TradeEnvelope venue(String venue) {
        ObjectNode meta =
                fields.addObject().put("field", "meta").put("type", "struct").put("optional", true);
        meta.putArray("fields")
                .addObject()
                .put("field", "venue")
                .put("type", "string")
                .put("optional", true);
        payload.putObject("meta").put("venue", venue);
        return this;
    }

    /** Replaces {@code note} with this text (e.g. a large one). */
    TradeEnvelope note(String text) {
        payload.put("note", text);
        return this;
    }

    /** Drops a field from schema and payload. */
    TradeEnvelope without(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (field.equals(fields.get(i).path("field").asText())) {
                fields.remove(i);
            }
        }
        payload.remove(field);
        return this;
    }

    /** Declares a field as a string and gives it this text: a changed type (or text where a time belongs). */
    TradeEnvelope asText(String field, String text) {
        without(field);
        field(field, "string", false).payload.put(field, text);
        return this;
    }

    String json() {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", payload);
        return envelope.toString();
    }

    private TradeEnvelope field(String name, String type, boolean optional) {
        fields.addObject().put("field", name).put("type", type).put("optional", optional);
        return this;
    }
}
