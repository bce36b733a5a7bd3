package io.stocklake.registry;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Trades as the JSON path carries them: Connect's JsonConverter with schemas, the Connect types the registry's Avro
 * converter gives the first Avro schema (a microsecond timestamp, which Connect has no type for, is a long).
 */
final class JsonTrades {

    private static final Schema VENUE = SchemaBuilder.struct()
            .field("mic", Schema.STRING_SCHEMA)
            .field("lot", Schema.INT32_SCHEMA)
            .build();
    static final Schema SCHEMA = SchemaBuilder.struct()
            .name("io.stocklake.registry.Trade")
            .field("symbol", Schema.STRING_SCHEMA)
            .field(
                    "price",
                    Decimal.builder(Trade.PRICE_SCALE)
                            .parameter("connect.decimal.precision", String.valueOf(Trade.PRICE_PRECISION))
                            .build())
            .field("traded_at", Timestamp.SCHEMA)
            .field("received_at", Schema.INT64_SCHEMA)
            .field("trade_date", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("venue", VENUE)
            .build();

    private final JsonConverter converter = new JsonConverter();

    JsonTrades() {
        converter.configure(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), false);
    }

    byte[] serialize(String topic, Trade trade) {
        Struct venue = new Struct(VENUE).put("mic", trade.venueMic()).put("lot", trade.venueLot());
        Struct value = new Struct(SCHEMA)
                .put("symbol", trade.symbol())
                .put("price", trade.price())
                .put("traded_at", Date.from(trade.tradedAt()))
                .put("received_at", trade.receivedAtMicros())
                .put(
                        "trade_date",
                        Date.from(trade.tradeDate()
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()))
                .put("venue", venue);
        return converter.fromConnectData(topic, SCHEMA, value);
    }
}
