package io.stocklake.athena;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source connector run that produces the known data: {@code ticks} ticks of twelve symbols in simulated time,
 * spread evenly over {@link #SPAN} from {@link #START} on a 24x7 calendar, so that they fall into several hours of
 * two days (dt=2026-03-02/hour=21 .. dt=2026-03-03/hour=00).
 */
record TickSource(long ticks) {

    static final Instant START = Instant.parse("2026-03-02T21:40:00Z");
    static final Duration SPAN = Duration.ofHours(2).plusMinutes(45);
    static final List<String> SYMBOLS =
            List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "NFLX", "AMD", "BRK.B", "JPM", "KO");

    /** The tick count from the {@code athena.it.ticks} system property (the build sets it), else 5000. */
    static TickSource fromSystemProperty() {
        return new TickSource(Long.getLong("athena.it.ticks", 5000));
    }

    Map<String, String> connectorConfig(String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        config.put("tasks.max", "2");
        config.put("topic", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("clock", "simulated");
        config.put("simulated.start", START.toString());
        config.put("simulated.acceleration", "0");
        config.put("session.calendar", "24x7");
        config.put("session.zone", "UTC");
        config.put("ticks.per.second", Double.toString((double) ticks / SPAN.toSeconds()));
        config.put("max.ticks", Long.toString(ticks));
        config.put("symbols", String.join(",", SYMBOLS));
        config.put("seed", "20260302");
        return config;
    }
}
