package io.stocklake.sink.config.confluent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The README's migration table, written from {@link ConfluentKeys}: one row per Confluent key. */
final class MigrationTable {

    private MigrationTable() {}

    static String markdown(List<ConfluentKey> keys) {
        StringBuilder out = new StringBuilder("\n| Confluent key | Here | Sink key | How |\n|---|---|---|---|\n");
        for (ConfluentKey key : keys) {
            out.append("| `")
                    .append(key.name())
                    .append("` | ")
                    .append(key.treatment().label())
                    .append(" | ")
                    .append(key.ourKey().isEmpty() ? "" : code(key.ourKey()))
                    .append(" | ")
                    .append(cell(how(key)))
                    .append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static String how(ConfluentKey key) {
        return switch (key.treatment()) {
            case SAME_NAME -> key.note().isEmpty() ? "as it is" : key.note();
            case RENAMED -> "the value as it is" + (key.note().isEmpty() ? "" : "; " + key.note());
            case VALUE_MAPPED -> mapped(key.values()) + "; " + key.note();
            case TRANSLATED -> key.note();
            case HARMLESS ->
                (key.values().isEmpty() ? "any value" : "only " + values(key.values())) + ": " + key.note();
            case REFUSED -> "use " + key.note();
        };
    }

    private static String mapped(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> "`" + simpleName(e.getKey()) + "` → `" + e.getValue() + "`")
                .collect(Collectors.joining(", "));
    }

    private static String values(Map<String, String> values) {
        return values.keySet().stream().map(v -> "`" + simpleName(v) + "`").collect(Collectors.joining(", "));
    }

    /** A class name without its package, the way Confluent's documentation mostly names them. */
    private static String simpleName(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        return value.matches("([a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*") ? value.substring(value.lastIndexOf('.') + 1) : value;
    }

    private static String code(String keys) {
        return List.of(keys.split(", ")).stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
