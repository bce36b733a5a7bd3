package io.stocklake.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Points {@link ShippedConfigs} at an empty folder of its own for each test, and back afterwards. */
public final class ConfigsFolder implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private String previous;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("bench-configs-");
        previous = System.setProperty(ShippedConfigs.PROPERTY, dir.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (previous == null) {
            System.clearProperty(ShippedConfigs.PROPERTY);
        } else {
            System.setProperty(ShippedConfigs.PROPERTY, previous);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Writes a shipped configuration file, {@code {"name": ..., "config": {...}}}. */
    public void write(String file, String document) throws IOException {
        Files.writeString(dir.resolve(file), document);
    }
}
