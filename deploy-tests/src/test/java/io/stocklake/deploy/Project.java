package io.stocklake.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The checkout under test and its deployment files, read as JSON trees. */
final class Project {

    static final Path DIR = Path.of(System.getProperty("stocklake.project.dir", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path DOCKER = DIR.resolve("docker");
    static final List<String> COMPOSE_FILES =
            List.of("compose.yaml", "compose.aws.yaml", "compose.monitoring.yaml", "compose.secure.yaml");
    static final List<String> DOCKERFILES =
            List.of("connect/Dockerfile", "lake/Dockerfile", "init/Dockerfile", "analytics/Dockerfile");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Project() {}

    static JsonNode compose(String file) {
        return read(YAML, DOCKER.resolve(file));
    }

    static JsonNode json(Path file) {
        return read(JSON, file);
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
