package io.stocklake.analytics;

import java.util.Date;
import org.apache.kafka.connect.data.Struct;

/** A record of the alerts topic as a Connect sink reads it (JsonConverter with schemas), in plain Java. */
record AlertRow(String symbol, String alertType, long eventTime, double observed, double threshold, String detail) {

    static AlertRow of(Struct value) {
        return new AlertRow(
                value.getString("symbol"),
                value.getString("alert_type"),
                ((Date) value.get("event_time")).getTime(),
                value.getFloat64("observed"),
                value.getFloat64("threshold"),
                value.getString("detail"));
    }
}
