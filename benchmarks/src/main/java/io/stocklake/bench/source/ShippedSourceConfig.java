package io.stocklake.bench.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.bench.workload.ShippedSinkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The producer settings the shipped source configuration ({@code connect-configs/stock-ticks-source.json}) gives
 * its tasks through {@code producer.override.*}: the connector runs with them, and the yardstick producer uses
 * the same, read from the same file, so that the ratio never compares two different producer tunings.
 */
final class ShippedSourceConfig {

    static final String FILE = "stock-ticks-source.json";
    static final String OVERRIDE_PREFIX = "producer.override.";

    private ShippedSourceConfig() {
    }

    /** The producer settings the shipped configuration overrides, without their prefix. */
    static Map<String, String> producerOverrides() {
        Path file = Path.of(System.getProperty(ShippedSinkConfig.CONFIGS_PROPERTY, "connect-configs")).resolve(FILE);
        try {
            JsonNode config = new ObjectMapper().readTree(file.toFile()).path("config");
            Map<String, String> overrides = new TreeMap<>();
            config.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith(OVERRIDE_PREFIX)) {
                    overrides.put(e.getKey().substring(OVERRIDE_PREFIX.length()), e.getValue().asText());
                }
            });
            return overrides;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped source configuration " + file.toAbsolutePath(), e);
        }
    }
}
