package io.stocklake.sink.config.confluent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector configuration with Confluent's keys translated to the sink's: the configuration the sink parses,
 * the Confluent keys refused (each with why and what to use instead), which of the sink's keys came from which
 * Confluent key, and the keys nobody knows.
 *
 * @param config  the sink's configuration: the framework's and the sink's keys, Confluent's translated
 * @param refused Confluent key to the reason it is refused (naming the key), in the order given
 * @param origins the sink's key to the Confluent key it was translated from
 * @param unknown keys neither the framework, the sink nor Confluent's S3 sink knows
 */
public record Translation(
        Map<String, String> config, Map<String, String> refused, Map<String, String> origins, List<String> unknown) {

    private static final Logger LOG = LoggerFactory.getLogger(Translation.class);

    public Translation {
        config = Map.copyOf(config);
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        origins = Map.copyOf(origins);
        unknown = List.copyOf(unknown);
    }

    /** Logs the unknown keys once, as a warning naming them. */
    public void warnAboutUnknownKeys() {
        if (!unknown.isEmpty()) {
            LOG.warn(
                    "Unknown configuration keys, ignored (neither Kafka Connect, this sink nor Confluent's S3 sink "
                            + "defines them; check their spelling): {}",
                    String.join(", ", unknown));
        }
    }

    /** For connector start: ConfigException naming the first refused key. */
    public void ensureNothingRefused() {
        refused.entrySet().stream().findFirst().ifPresent(e -> {
            throw new ConfigException(e.getValue());
        });
    }

    /**
     * Adds the refusals to a validation, each on its Confluent key, and repeats every error of a translated key on
     * the Confluent key it came from, so the user sees the problem on the key they wrote.
     */
    public void report(Config validation) {
        List<ConfigValue> values = validation.configValues();
        List<ConfigValue> added = new ArrayList<>();
        // No value: a refused key may be a secret (s3.proxy.password, s3.sse.customer.key).
        refused.forEach((key, reason) -> added.add(new ConfigValue(key, null, List.of(), list(reason))));
        for (ConfigValue value : values) {
            String origin = origins.get(value.name());
            if (origin == null
                    || origin.equals(value.name())
                    || value.errorMessages().isEmpty()
                    || refused.containsKey(origin)) {
                continue;
            }
            List<String> messages = new ArrayList<>();
            for (String message : value.errorMessages()) {
                messages.add("translated to " + value.name() + "=" + config.get(value.name()) + ": " + message);
            }
            Optional<ConfigValue> existing =
                    values.stream().filter(v -> v.name().equals(origin)).findFirst();
            if (existing.isPresent()) {
                messages.forEach(existing.get()::addErrorMessage);
            } else {
                added.add(new ConfigValue(origin, null, List.of(), messages));
            }
        }
        values.addAll(added);
    }

    private static List<String> list(String message) {
        List<String> messages = new ArrayList<>();
        messages.add(message);
        return messages;
    }
}
