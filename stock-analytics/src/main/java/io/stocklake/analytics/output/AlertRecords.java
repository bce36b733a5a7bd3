package io.stocklake.analytics.output;

import io.stocklake.analytics.alerts.Alert;
import org.apache.kafka.common.serialization.Serializer;

/** An alert as a record value of the alerts topic: the columns of the {@code stock_alerts} table. */
public final class AlertRecords implements Serializer<Alert> {

    public static final String SCHEMA_NAME = "StockAlert";
    public static final int SCHEMA_VERSION = 1;

    private final ConnectStructJson json = ConnectStructJson.struct(SCHEMA_NAME, SCHEMA_VERSION)
            .string("symbol")
            .string("alert_type")
            .timestamp("event_time")
            .float64("observed")
            .float64("threshold")
            .string("detail")
            .build();

    @Override
    public byte[] serialize(String topic, Alert alert) {
        if (alert == null) {
            return null;
        }
        return json.write(payload -> payload.put("symbol", alert.symbol())
                .put("alert_type", alert.kind().name())
                .put("event_time", alert.eventTimeMillis())
                .put("observed", alert.observed())
                .put("threshold", alert.threshold())
                .put("detail", alert.detail()));
    }
}
