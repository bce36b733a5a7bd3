package io.stocklake.it.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A known record the tests produce and expect back: a unique id plus one field of each kind the formats
 * render differently (text, timestamp, int64, float64, int32, boolean, an optional text that is sometimes null).
 * Sent as JSON with schema, as Connect's JsonConverter reads it.
 */
record Trade(String id, String symbol, Instant eventTime, long seq, double price, int size, boolean buy, String venue) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SCHEMA = schema();

    /** {@code count} trades from {@code start}, {@code spacingMillis} apart in event time, over the symbols. */
    static List<Trade> series(
            String idPrefix, int count, Instant start, long spacingMillis, List<String> symbols, long seed) {
        Random random = new Random(seed);
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String symbol = symbols.get(i % symbols.size());
            double price = (1_000 + random.nextInt(90_000)) / 100.0;
            String venue = i % 7 == 3 ? null : (random.nextBoolean() ? "XNAS" : "XNYS");
            trades.add(new Trade(
                    idPrefix + "-" + i,
                    symbol,
                    start.plusMillis(i * spacingMillis),
                    i,
                    price,
                    1 + random.nextInt(5_000),
                    random.nextBoolean(),
                    venue));
        }
        return trades;
    }

    /** Reads a trade back from a lake row. */
    static Trade from(LakeRow row) {
        return new Trade(
                row.text("id"),
                row.text("symbol"),
                row.timestamp("event_time"),
                row.int64("seq"),
                row.float64("price"),
                Math.toIntExact(row.int64("size")),
                row.bool("buy"),
                row.text("venue"));
    }

    /** The Kafka record value: {@code {"schema": ..., "payload": ...}}. */
    String connectJson() {
        ObjectNode payload = JSON.createObjectNode()
                .put("id", id)
                .put("symbol", symbol)
                .put("event_time", eventTime.toEpochMilli())
                .put("seq", seq)
                .put("price", price)
                .put("size", size)
                .put("buy", buy);
        if (venue == null) {
            payload.putNull("venue");
        } else {
            payload.put("venue", venue);
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("schema", SCHEMA);
        envelope.set("payload", payload);
        return envelope.toString();
    }

    private static ObjectNode schema() {
        ObjectNode schema = JSON.createObjectNode()
                .put("type", "struct")
                .put("name", "Trade")
                .put("optional", false);
        ArrayNode fields = schema.putArray("fields");
        fields.add(field("id", "string", false));
        fields.add(field("symbol", "string", false));
        fields.add(field("event_time", "int64", false)
                .put("name", "org.apache.kafka.connect.data.Timestamp")
                .put("version", 1));
        fields.add(field("seq", "int64", false));
        fields.add(field("price", "double", false));
        fields.add(field("size", "int32", false));
        fields.add(field("buy", "boolean", false));
        fields.add(field("venue", "string", true));
        return schema;
    }

    static ObjectNode field(String name, String type, boolean optional) {
        return JSON.createObjectNode().put("field", name).put("type", type).put("optional", optional);
    }
}
