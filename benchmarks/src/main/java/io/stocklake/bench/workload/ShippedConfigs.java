package io.stocklake.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The connector configurations users POST ({@code connect-configs/*.json}), read as the benchmarks use them. */
public final class ShippedConfigs {

    /** The folder of the shipped connector configurations; ./bench runs from the project root. */
    public static final String PROPERTY = "stocklake.connect.configs";

    private ShippedConfigs() {}

    /** The {@code config} object of one shipped file, e.g. {@code s3-glue-sink.json}, as a mutable map. */
    public static Map<String, String> read(String fileName) {
        Path file = Path.of(System.getProperty(PROPERTY, "connect-configs")).resolve(fileName);
        try {
            JsonNode document = new ObjectMapper().readTree(file.toFile());
            Map<String, String> config = new LinkedHashMap<>();
            document.path("config")
                    .fields()
                    .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the shipped connector configuration " + file.toAbsolutePath(), e);
        }
    }
}
