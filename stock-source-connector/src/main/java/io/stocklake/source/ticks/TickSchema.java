package io.stocklake.source.ticks;

import java.util.Date;
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

    private TickSchema() {
    }

    public static Struct toStruct(Tick tick) {
        return new Struct(VALUE)
                .put("symbol", tick.symbol())
                .put("exchange", tick.exchange())
                .put("event_time", new Date(tick.eventTimeMillis()))
                .put("seq", tick.seq())
                .put("price", tick.price())
                .put("size", tick.size())
                .put("bid", tick.bid())
                .put("ask", tick.ask())
                .put("bid_size", tick.bidSize())
                .put("ask_size", tick.askSize())
                .put("day_volume", tick.dayVolume());
    }

    private static Schema field(Schema type, String doc) {
        return new SchemaBuilder(type.type()).doc(doc).build();
    }
}
