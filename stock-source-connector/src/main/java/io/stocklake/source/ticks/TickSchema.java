package io.stocklake.source.ticks;

import java.util.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schema of a tick record's value, and the conversion into it. It comes plain or documented: a schema
 * registry stores field descriptions once, but JsonConverter's embedded schema repeats them in every record, where
 * they were 576 of a tick's 1,474 bytes.
 */
public final class TickSchema {

    /**
     * A bare identifier on purpose: Protobuf converters reject dotted names ("x.y is not a valid identifier"),
     * while Avro, JSON and Parquet accept any name.
     */
    public static final String NAME = "StockTick";

    public static final int VERSION = 1;
    public static final Schema KEY = Schema.STRING_SCHEMA;

    /** Without descriptions: the lean default. */
    public static final TickSchema PLAIN = new TickSchema(false);
    /** With a description of the record and of each field, for schema registries and catalogs that show them. */
    public static final TickSchema DOCUMENTED = new TickSchema(true);

    private final Schema value;
    // Resolved once: Struct.put(String, ...) looks the field up by name on every call.
    private final Field symbol;
    private final Field exchange;
    private final Field eventTime;
    private final Field seq;
    private final Field price;
    private final Field size;
    private final Field bid;
    private final Field ask;
    private final Field bidSize;
    private final Field askSize;
    private final Field dayVolume;

    private TickSchema(boolean documented) {
        Docs docs = new Docs(documented);
        value = SchemaBuilder.struct()
                .name(NAME)
                .version(VERSION)
                .doc(docs.of("One trade print of a stock with the best quote at that moment."))
                .field("symbol", docs.field(Schema.Type.STRING, "Ticker symbol."))
                .field("exchange", docs.field(Schema.Type.STRING, "MIC code of the listing venue, e.g. XNYS, XNAS."))
                .field(
                        "event_time",
                        Timestamp.builder()
                                .doc(docs.of("When the tick happened (UTC, milliseconds)."))
                                .build())
                .field("seq", docs.field(Schema.Type.INT64, "Per-symbol sequence number, from 1, without gaps."))
                .field("price", docs.field(Schema.Type.FLOAT64, "Last trade price, on the tick grid."))
                .field("size", docs.field(Schema.Type.INT32, "Last trade size, in shares."))
                .field("bid", docs.field(Schema.Type.FLOAT64, "Best bid, on the tick grid."))
                .field("ask", docs.field(Schema.Type.FLOAT64, "Best ask, on the tick grid, above the bid."))
                .field("bid_size", docs.field(Schema.Type.INT32, "Shares offered to buy at the best bid."))
                .field("ask_size", docs.field(Schema.Type.INT32, "Shares offered to sell at the best ask."))
                .field("day_volume", docs.field(Schema.Type.INT64, "Shares traded in the symbol's session so far."))
                .build();
        symbol = value.field("symbol");
        exchange = value.field("exchange");
        eventTime = value.field("event_time");
        seq = value.field("seq");
        price = value.field("price");
        size = value.field("size");
        bid = value.field("bid");
        ask = value.field("ask");
        bidSize = value.field("bid_size");
        askSize = value.field("ask_size");
        dayVolume = value.field("day_volume");
    }

    public static TickSchema of(boolean documented) {
        return documented ? DOCUMENTED : PLAIN;
    }

    public Schema value() {
        return value;
    }

    public Struct toStruct(Tick tick) {
        return new Struct(value)
                .put(symbol, tick.symbol())
                .put(exchange, tick.exchange())
                .put(eventTime, new Date(tick.eventTimeMillis()))
                .put(seq, tick.seq())
                .put(price, tick.price())
                .put(size, tick.size())
                .put(bid, tick.bid())
                .put(ask, tick.ask())
                .put(bidSize, tick.bidSize())
                .put(askSize, tick.askSize())
                .put(dayVolume, tick.dayVolume());
    }

    /** Hands out descriptions only when the schema is documented. */
    private record Docs(boolean documented) {

        String of(String doc) {
            return documented ? doc : null;
        }

        Schema field(Schema.Type type, String doc) {
            return new SchemaBuilder(type).doc(of(doc)).build();
        }
    }
}
