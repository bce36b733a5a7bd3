package io.stocklake.sink.format;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/** A small StockTick-like fixture: trades with an optional quote. */
final class StockTicks {

    static final Schema SCHEMA = SchemaBuilder.struct()
            .name("io.stocklake.test.StockTick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("exchange", Schema.STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA)
            .field("seq", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("size", Schema.INT32_SCHEMA)
            .field("bid", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("ask", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("bid_size", Schema.OPTIONAL_INT32_SCHEMA)
            .field("ask_size", Schema.OPTIONAL_INT32_SCHEMA)
            .field("day_volume", Schema.INT64_SCHEMA)
            .build();

    static final List<String> COLUMNS =
            SCHEMA.fields().stream().map(f -> f.name()).toList();

    private StockTicks() {}

    /** Three ticks; the second has no quote (null bid/ask fields). */
    static List<Struct> sample() {
        return List.of(
                quoted(
                        "AAPL",
                        "XNAS",
                        "2026-11-24T14:30:00.123Z",
                        1L,
                        231.57,
                        100,
                        231.56,
                        231.58,
                        300,
                        200,
                        1_000_100L),
                unquoted("MSFT", "XNYS", "1999-12-31T23:59:59.999Z", 2L, 415.5, 7, 8_000_007L),
                quoted(
                        "BRK.A",
                        "XNYS",
                        "2026-11-24T21:00:00.001Z",
                        3L,
                        712_345.25,
                        1,
                        712_300.0,
                        712_400.0,
                        1,
                        2,
                        9_876_543_210L));
    }

    static Struct quoted(
            String symbol,
            String exchange,
            String eventTime,
            long seq,
            double price,
            int size,
            double bid,
            double ask,
            int bidSize,
            int askSize,
            long dayVolume) {
        return unquoted(symbol, exchange, eventTime, seq, price, size, dayVolume)
                .put("bid", bid)
                .put("ask", ask)
                .put("bid_size", bidSize)
                .put("ask_size", askSize);
    }

    static Struct unquoted(
            String symbol, String exchange, String eventTime, long seq, double price, int size, long dayVolume) {
        return new Struct(SCHEMA)
                .put("symbol", symbol)
                .put("exchange", exchange)
                .put("event_time", Date.from(Instant.parse(eventTime)))
                .put("seq", seq)
                .put("price", price)
                .put("size", size)
                .put("day_volume", dayVolume);
    }

    static SinkRecord record(Struct value, long offset) {
        return new SinkRecord("ticks", 0, null, null, value.schema(), value, offset);
    }

    static SinkRecord schemaless(Object value, long offset) {
        return new SinkRecord("ticks", 0, null, null, null, value, offset);
    }

    static List<SinkRecord> records(List<Struct> values) {
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> record(values.get(i), i))
                .toList();
    }
}
