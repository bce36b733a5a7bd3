package io.stocklake.it.source;

import java.util.HashMap;
import java.util.Map;

/** Connector configurations of the tests: the source connector with string keys and JSON values with schemas. */
final class SourceConfigs {

    static final String CONNECTOR_CLASS = "io.stocklake.source.StockTickSourceConnector";

    private SourceConfigs() {}

    /**
     * A run of {@code maxTicks} on the simulated clock, as fast as possible, over the built-in universe. Event
     * times come from the model, never the wall clock, so two runs of it are identical tick for tick.
     */
    static Map<String, String> simulated(String topic, long seed, long maxTicks) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("topic", topic);
        c.put("seed", Long.toString(seed));
        c.put("clock", "simulated");
        c.put("simulated.start", "2026-01-05T09:30");
        c.put("session.calendar", "nyse");
        c.put("max.ticks", Long.toString(maxTicks));
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "true");
        return c;
    }

    /** The same run paced at {@code acceleration} trading seconds per wall second, long enough to interrupt. */
    static Map<String, String> paced(
            String topic, long seed, long maxTicks, double ticksPerSecond, double acceleration) {
        Map<String, String> c = simulated(topic, seed, maxTicks);
        c.put("ticks.per.second", Double.toString(ticksPerSecond));
        c.put("simulated.acceleration", Double.toString(acceleration));
        c.put("intraday.u.shape", "0");
        return c;
    }

    static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> c = new HashMap<>(config);
        c.put(key, value);
        return c;
    }
}
