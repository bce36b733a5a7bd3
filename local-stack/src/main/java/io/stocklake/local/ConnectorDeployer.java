package io.stocklake.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.testing.ConnectRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deploys the files of {@code connect-configs/} exactly as a user POSTs them, with a local overlay on top: the
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

    /** Creates or updates the connector of {@code connect-configs/<file>}; returns its name. */
    String deploy(ConnectRest rest, String file) {
        ObjectNode document = (ObjectNode) read(configsDir.resolve(file));
        String name = document.path("name").asText();
        Map<String, String> config = merged(document, file);
        rest.putConnector(name, config);
        return name;
    }

    /** The connector config of {@code file} with the local overlay applied. */
    Map<String, String> merged(JsonNode document, String file) {
        Map<String, String> config = new LinkedHashMap<>();
        document.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        Path overlay = overlaysDir.resolve(file);
        if (Files.exists(overlay)) {
            read(overlay).path("config").fields()
                    .forEachRemaining(e -> config.put(e.getKey(), substitute(e.getValue().asText())));
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
