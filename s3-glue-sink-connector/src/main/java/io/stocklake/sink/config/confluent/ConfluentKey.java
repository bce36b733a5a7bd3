package io.stocklake.sink.config.confluent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One key of Confluent's S3 sink and what the sink does with it.
 *
 * @param name   the key as Confluent spells it
 * @param ourKey the sink's key it becomes (empty when none)
 * @param values for {@link Treatment#VALUE_MAPPED}: Confluent's value to the sink's; for {@link Treatment#HARMLESS}:
 *               the values that are harmless, in order (none listed: every value is), each to ""
 * @param note   for a refusal what to use instead, otherwise how it maps or what differs
 */
public record ConfluentKey(String name, Treatment treatment, String ourKey, Map<String, String> values, String note) {

    public ConfluentKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static ConfluentKey sameName(String name) {
        return new ConfluentKey(name, Treatment.SAME_NAME, name, Map.of(), "");
    }

    static ConfluentKey sameName(String name, String note) {
        return new ConfluentKey(name, Treatment.SAME_NAME, name, Map.of(), note);
    }

    static ConfluentKey renamed(String name, String ourKey) {
        return new ConfluentKey(name, Treatment.RENAMED, ourKey, Map.of(), "");
    }

    static ConfluentKey valueMapped(String name, String ourKey, Map<String, String> values, String note) {
        return new ConfluentKey(name, Treatment.VALUE_MAPPED, ourKey, values, note);
    }

    static ConfluentKey translated(String name, String ourKey, String note) {
        return new ConfluentKey(name, Treatment.TRANSLATED, ourKey, Map.of(), note);
    }

    static ConfluentKey harmless(String name, String note, String... harmlessValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String value : harmlessValues) {
            values.put(value, "");
        }
        return new ConfluentKey(name, Treatment.HARMLESS, "", values, note);
    }

    static ConfluentKey refused(String name, String instead) {
        return new ConfluentKey(name, Treatment.REFUSED, "", Map.of(), instead);
    }
}
