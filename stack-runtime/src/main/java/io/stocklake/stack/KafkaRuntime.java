package io.stocklake.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The unpacked {@code kafka-runtime} archive: {@code lib/} with the stock broker and Connect worker jars and
 * {@code config/} with their logging setup. Child JVMs run from it, so nothing of Kafka's server side shares
 * a classpath with the tests.
 */
public record KafkaRuntime(Path home) {

    public static final String PROPERTY = "stocklake.kafka.runtime";

    public KafkaRuntime {
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException("No Kafka runtime at " + home + " (expected lib/ inside); build it with"
                    + " ./mvnw package and point -D" + PROPERTY + " at the unpacked kafka-runtime archive");
        }
    }

    /** The runtime named by the {@value #PROPERTY} system property (set by the build). */
    public static KafkaRuntime fromSystemProperty() {
        String home = System.getProperty(PROPERTY);
        if (home == null) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set; run the tests through Maven"
                    + " (./mvnw verify) or set it to the unpacked kafka-runtime archive");
        }
        return new KafkaRuntime(Paths.get(home).toAbsolutePath());
    }

    String classpath() {
        return home.resolve("lib") + "/*";
    }

    Path loggingConfig() {
        return home.resolve("config").resolve("log4j2.properties");
    }
}
