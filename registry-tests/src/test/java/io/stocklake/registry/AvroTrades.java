package io.stocklake.registry;

import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Trades as Avro records of two schema versions; the second adds the optional {@code exchange}. */
final class AvroTrades {

    private static final String V1_FIELDS = """
            {"name": "symbol", "type": "string"},
            {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 4}},
            {"name": "traded_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
            {"name": "received_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
            {"name": "trade_date", "type": {"type": "int", "logicalType": "date"}},
            {"name": "venue", "type": {"type": "record", "name": "Venue", "fields": [
              {"name": "mic", "type": "string"},
              {"name": "lot", "type": "int"}]}}""";

    static final Schema V1 = parse(V1_FIELDS);
    static final Schema V2 = parse(V1_FIELDS + """
            ,
            {"name": "exchange", "type": ["null", "string"], "default": null}""");

    private AvroTrades() {}

    private static Schema parse(String fields) {
        return new Schema.Parser()
                .parse("{\"type\": \"record\", \"name\": \"Trade\", \"namespace\": \"io.stocklake.registry\","
                        + " \"fields\": [" + fields + "]}");
    }

    static GenericRecord record(Schema schema, Trade trade) {
        Schema priceSchema = schema.getField("price").schema();
        LogicalType decimal = priceSchema.getLogicalType();
        ByteBuffer price = new Conversions.DecimalConversion().toBytes(trade.price(), priceSchema, decimal);
        GenericRecord venue = new GenericData.Record(schema.getField("venue").schema());
        venue.put("mic", trade.venueMic());
        venue.put("lot", trade.venueLot());
        GenericRecord record = new GenericData.Record(schema);
        record.put("symbol", trade.symbol());
        record.put("price", price);
        record.put("traded_at", trade.tradedAtMillis());
        record.put("received_at", trade.receivedAtMicros());
        record.put("trade_date", (int) trade.tradeDate().toEpochDay());
        record.put("venue", venue);
        if (schema.getField("exchange") != null) {
            record.put("exchange", trade.exchange());
        }
        return record;
    }
}
