package io.stocklake.it.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM identity policy document (one of {@code docs/iam/*.json}) and the part of IAM's evaluation its
 * statements use: Allow statements, actions and resources with {@code *} and {@code ?} wildcards, and
 * {@code StringLike} / {@code StringEquals} conditions. Anything else in a statement (Deny, NotAction, other
 * operators) is refused, so a policy that outgrows this check fails loudly instead of being misjudged.
 */
final class IamPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> statements;

    private IamPolicy(List<JsonNode> statements) {
        this.statements = statements;
    }

    static IamPolicy read(Path file) {
        try {
            JsonNode document = JSON.readTree(file.toFile());
            List<JsonNode> statements = new ArrayList<>();
            document.path("Statement").forEach(statement -> {
                Set<String> known = Set.of("Sid", "Effect", "Action", "Resource", "Condition");
                statement.fieldNames().forEachRemaining(field -> {
                    if (!known.contains(field)) {
                        throw new IllegalArgumentException(file + ": statement member " + field + " is not checked");
                    }
                });
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    throw new IllegalArgumentException(file + ": only Allow statements are checked");
                }
                statements.add(statement);
            });
            return new IamPolicy(List.copyOf(statements));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy " + file, e);
        }
    }

    /** Every action the policy names, as written (e.g. {@code s3:PutObject}). */
    Set<String> actions() {
        Set<String> actions = new LinkedHashSet<>();
        statements.forEach(statement -> values(statement.path("Action")).forEach(actions::add));
        return actions;
    }

    /** Whether some statement allows {@code action} on {@code resource} with these request context keys. */
    boolean allows(String action, String resource, Map<String, String> context) {
        for (JsonNode statement : statements) {
            if (values(statement.path("Action")).stream().anyMatch(a -> matches(a, action, true))
                    && values(statement.path("Resource")).stream().anyMatch(r -> matches(r, resource, false))
                    && conditionsHold(statement.path("Condition"), context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(JsonNode conditions, Map<String, String> context) {
        var operators = conditions.fields();
        while (operators.hasNext()) {
            var operator = operators.next();
            boolean like = switch (operator.getKey()) {
                case "StringLike" -> true;
                case "StringEquals" -> false;
                default ->
                    throw new IllegalArgumentException("condition operator " + operator.getKey() + " is not checked");
            };
            var keys = operator.getValue().fields();
            while (keys.hasNext()) {
                var key = keys.next();
                String actual = context.get(key.getKey());
                // IAM: a condition on a key the request does not carry does not match.
                if (actual == null
                        || values(key.getValue()).stream()
                                .noneMatch(v -> like ? matches(v, actual, false) : v.equals(actual))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(
                    switch (c) {
                        case '*' -> ".*";
                        case '?' -> ".";
                        default -> Pattern.quote(String.valueOf(c));
                    });
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
