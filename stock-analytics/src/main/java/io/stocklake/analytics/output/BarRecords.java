package io.stocklake.analytics.output;

import io.stocklake.analytics.bars.Bar;
import org.apache.kafka.common.serialization.Serializer;

/** A bar as a record value of the bars topic: the columns of the {@code stock_bars_1m} table. */
public final class BarRecords implements Serializer<Bar> {

    public static final String SCHEMA_NAME = "StockBar1m";
    public static final int SCHEMA_VERSION = 1;

    private final ConnectStructJson json = ConnectStructJson.struct(SCHEMA_NAME, SCHEMA_VERSION)
            .string("symbol")
            .timestamp("window_start")
            .timestamp("window_end")
            .float64("open")
            .float64("high")
            .float64("low")
            .float64("close")
            .int64("volume")
            .float64("vwap")
            .int64("trade_count")
            .float64("spread_min")
            .float64("spread_max")
            .float64("spread_avg")
            .build();

    @Override
    public byte[] serialize(String topic, Bar bar) {
        if (bar == null) {
            return null;
        }
        return json.write(payload -> payload.put("symbol", bar.symbol())
                .put("window_start", bar.windowStart())
                .put("window_end", bar.windowEnd())
                .put("open", bar.open())
                .put("high", bar.high())
                .put("low", bar.low())
                .put("close", bar.close())
                .put("volume", bar.volume())
                .put("vwap", bar.vwap())
                .put("trade_count", bar.tradeCount())
                .put("spread_min", bar.spreadMin())
                .put("spread_max", bar.spreadMax())
                .put("spread_avg", bar.spreadAvg()));
    }
}
