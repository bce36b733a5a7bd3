package io.stocklake.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector configs of {@code connect-configs/} exactly as a user POSTs them, with a local overlay on top: the
 * overlay adds only what differs on a laptop (S3/Glue endpoints, path-style access, credentials through the
 * worker's file config provider). The shipped files stay untouched and are the same ones used on AWS.
 */
final class ConnectorDeployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configsDir;
    private final Path overlaysDir;
    private final Map<String, String> tokens;

    ConnectorDeployer(Path configsDir, Path overlaysDir, Map<String, String> tokens) {
        this.configsDir = configsDir;
        this.overlaysDir = overlaysDir;
        this.tokens = Map.copyOf(tokens);
    }

    /** The connector name of {@code connect-configs/<file>}. */
    String name(String file) {
        return read(configsDir.resolve(file)).path("name").asText();
    }

    /** The connector config of {@code connect-configs/<file>} with the local overlay applied, to change at will. */
    Map<String, String> config(String file) {
        return merged(read(configsDir.resolve(file)), file);
    }

    /** The connector config of {@code file} with the local overlay applied. */
    Map<String, String> merged(JsonNode document, String file) {
        Map<String, String> config = new LinkedHashMap<>();
        document.path("config")
                .fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        Path overlay = overlaysDir.resolve(file);
        if (Files.exists(overlay)) {
            read(overlay)
                    .path("config")
                    .fields()
                    .forEachRemaining(
                            e -> config.put(e.getKey(), substitute(e.getValue().asText())));
        }
        return config;
    }

    private String substitute(String value) {
        String result = value;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            result = result.replace("@" + token.getKey() + "@", token.getValue());
        }
        return result;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector config " + file, e);
        }
    }
}
