package io.stocklake.infrastructure.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.constructs.Node;

/**
 * The CDK context the app is given ({@code cdk.json}, {@code cdk synth -c key=value}): every value read as text,
 * a blank value taken as unset.
 */
public final class Context {

    private final Node node;

    public Context(Node node) {
        this.node = node;
    }

    public Optional<String> text(String key) {
        Object value = node.tryGetContext(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value).trim());
    }

    public String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    public long number(String key, long defaultValue) {
        return text(key)
                .map(v -> {
                    try {
                        return Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("context " + key + " must be a whole number, not " + v, e);
                    }
                })
                .orElse(defaultValue);
    }

    public boolean flag(String key, boolean defaultValue) {
        return text(key)
                .map(v -> switch (v.toLowerCase()) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw new IllegalArgumentException("context " + key + " must be true or false, not " + v);
                })
                .orElse(defaultValue);
    }

    /** A comma-separated list (or a JSON array in cdk.json). */
    public List<String> list(String key) {
        Object value = node.tryGetContext(key);
        if (value instanceof List<?> items) {
            return items.stream()
                    .map(String::valueOf)
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return text(key)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
