package io.stocklake.sink.config.confluent;

import java.util.List;
import java.util.Set;

/** The keys Kafka Connect itself reads from a sink connector's configuration: never unknown to the sink. */
final class FrameworkKeys {

    private static final Set<String> NAMES = Set.of(
            "name",
            "connector.class",
            "tasks.max",
            "tasks.max.enforce",
            "topics",
            "topics.regex",
            "key.converter",
            "value.converter",
            "header.converter",
            "transforms",
            "predicates",
            "config.action.reload",
            "plugin.version");

    private static final List<String> PREFIXES = List.of(
            "key.converter.",
            "value.converter.",
            "header.converter.",
            "transforms.",
            "predicates.",
            "errors.",
            "consumer.override.",
            "producer.override.",
            "admin.override.");

    private FrameworkKeys() {}

    static boolean contains(String key) {
        return NAMES.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }
}
