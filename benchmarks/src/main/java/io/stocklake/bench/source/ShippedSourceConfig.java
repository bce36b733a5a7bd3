package io.stocklake.bench.source;

import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedConfigs;
import java.util.Map;
import java.util.TreeMap;

/**
 * The producer settings the shipped source configuration ({@code connect-configs/stock-ticks-source.json}) gives
 * its tasks through {@code producer.override.*}: the connector runs with them, and the yardstick producer uses
 * the same, read from the same file, so that the ratio never compares two different producer tunings.
 */
final class ShippedSourceConfig {

    static final String FILE = RecordShape.EMBEDDED_SCHEMA.sourceFile();
    static final String OVERRIDE_PREFIX = "producer.override.";

    private ShippedSourceConfig() {}

    /** The producer settings the shipped configuration overrides, without their prefix. */
    static Map<String, String> producerOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        ShippedConfigs.read(FILE).forEach((key, value) -> {
            if (key.startsWith(OVERRIDE_PREFIX)) {
                overrides.put(key.substring(OVERRIDE_PREFIX.length()), value);
            }
        });
        return overrides;
    }
}
