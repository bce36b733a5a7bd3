package io.stocklake.source.ticks;

import java.util.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/** The Connect schema of a tick record's value, and the conversion into it. */
public final class TickSchema {

    /**
     * A bare identifier on purpose: Protobuf converters reject dotted names ("x.y is not a valid identifier"),
     * while Avro, JSON and Parquet accept any name.
     */
    public static final String NAME = "StockTick";
    public static final int VERSION = 1;

    public static final Schema VALUE = SchemaBuilder.struct()
            .name(NAME)
            .version(VERSION)
            .doc("One trade print of a stock with the best quote at that moment.")
            .field("symbol", field(Schema.STRING_SCHEMA, "Ticker symbol."))
            .field("exchange", field(Schema.STRING_SCHEMA, "MIC code of the listing venue, e.g. XNYS, XNAS."))
            .field("event_time", Timestamp.builder().doc("When the tick happened (UTC, milliseconds).").build())
            .field("seq", field(Schema.INT64_SCHEMA, "Per-symbol sequence number, from 1, without gaps."))
            .field("price", field(Schema.FLOAT64_SCHEMA, "Last trade price, on the tick grid."))
            .field("size", field(Schema.INT32_SCHEMA, "Last trade size, in shares."))
            .field("bid", field(Schema.FLOAT64_SCHEMA, "Best bid, on the tick grid."))
            .field("ask", field(Schema.FLOAT64_SCHEMA, "Best ask, on the tick grid, above the bid."))
            .field("bid_size", field(Schema.INT32_SCHEMA, "Shares offered to buy at the best bid."))
            .field("ask_size", field(Schema.INT32_SCHEMA, "Shares offered to sell at the best ask."))
            .field("day_volume", field(Schema.INT64_SCHEMA, "Shares traded in the symbol's session so far."))
            .build();

    public static final Schema KEY = Schema.STRING_SCHEMA;

    // Resolved once: Struct.put(String, ...) looks the field up by name on every call.
    private static final Field SYMBOL = VALUE.field("symbol");
    private static final Field EXCHANGE = VALUE.field("exchange");
    private static final Field EVENT_TIME = VALUE.field("event_time");
    private static final Field SEQ = VALUE.field("seq");
    private static final Field PRICE = VALUE.field("price");
    private static final Field SIZE = VALUE.field("size");
    private static final Field BID = VALUE.field("bid");
    private static final Field ASK = VALUE.field("ask");
    private static final Field BID_SIZE = VALUE.field("bid_size");
    private static final Field ASK_SIZE = VALUE.field("ask_size");
    private static final Field DAY_VOLUME = VALUE.field("day_volume");

    private TickSchema() {
    }

    public static Struct toStruct(Tick tick) {
        return new Struct(VALUE)
                .put(SYMBOL, tick.symbol())
                .put(EXCHANGE, tick.exchange())
                .put(EVENT_TIME, new Date(tick.eventTimeMillis()))
                .put(SEQ, tick.seq())
                .put(PRICE, tick.price())
                .put(SIZE, tick.size())
                .put(BID, tick.bid())
                .put(ASK, tick.ask())
                .put(BID_SIZE, tick.bidSize())
                .put(ASK_SIZE, tick.askSize())
                .put(DAY_VOLUME, tick.dayVolume());
    }

    private static Schema field(Schema type, String doc) {
        return new SchemaBuilder(type.type()).doc(doc).build();
    }
}
