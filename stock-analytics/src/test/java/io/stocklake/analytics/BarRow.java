package io.stocklake.analytics;

import java.util.Date;
import org.apache.kafka.connect.data.Struct;

/** A record of the bars topic as a Connect sink reads it (JsonConverter with schemas), in plain Java. */
record BarRow(
        String symbol,
        long windowStart,
        long windowEnd,
        double open,
        double high,
        double low,
        double close,
        long volume,
        double vwap,
        long tradeCount,
        double spreadMin,
        double spreadMax,
        double spreadAvg) {

    static BarRow of(Struct value) {
        return new BarRow(
                value.getString("symbol"),
                ((Date) value.get("window_start")).getTime(),
                ((Date) value.get("window_end")).getTime(),
                value.getFloat64("open"),
                value.getFloat64("high"),
                value.getFloat64("low"),
                value.getFloat64("close"),
                value.getInt64("volume"),
                value.getFloat64("vwap"),
                value.getInt64("trade_count"),
                value.getFloat64("spread_min"),
                value.getFloat64("spread_max"),
                value.getFloat64("spread_avg"));
    }
}
