package io.stocklake.infrastructure.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connector's document of {@code connect-configs/} ({@code {"name": ..., "config": {...}}}), as shipped: what
 * runs locally and, with the AWS names laid over it, on MSK Connect.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    public static final String SOURCE_FILE = "stock-ticks-source.json";
    public static final String SINK_FILE = "s3-glue-sink.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConnectorConfig {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** A file of connect-configs/, as packaged with the app. */
    public static ConnectorConfig shipped(String fileName) {
        String resource = "/connect-configs/" + fileName;
        try (InputStream in = ConnectorConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not packaged (connect-configs/ in the build)");
            }
            JsonNode document = JSON.readTree(in);
            Map<String, String> config = new LinkedHashMap<>();
            document.path("config")
                    .properties()
                    .forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            return new ConnectorConfig(document.path("name").asText(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String get(String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalStateException("connector " + name + " has no " + key);
        }
        return value;
    }

    /** This config with {@code overlay}'s keys set (added or replaced), the rest as it was. */
    public ConnectorConfig with(Map<String, String> overlay) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.putAll(overlay);
        return new ConnectorConfig(name, merged);
    }
}
