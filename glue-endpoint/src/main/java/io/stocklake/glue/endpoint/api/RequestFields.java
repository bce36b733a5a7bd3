package io.stocklake.glue.endpoint.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads members of a request body and enforces the constraints of Glue's model, failing the way the service
 * fails: a missing or out-of-range member is a {@code ValidationException} naming the member.
 */
public final class RequestFields {
    private static final int MAX_NAME_LENGTH = 255;

    private final ObjectNode body;
    private final String path;

    private RequestFields(ObjectNode body, String path) {
        this.body = body;
        this.path = path;
    }

    public static RequestFields of(ObjectNode body) {
        return new RequestFields(body, "");
    }

    public ObjectNode body() {
        return body;
    }

    /** A database, table or similar name: required, 1..255 characters, folded to lower case as Glue stores it. */
    public String name(String member) {
        String value = text(member);
        if (value.isEmpty() || value.length() > MAX_NAME_LENGTH) {
            throw GlueError.validation(
                    memberPath(member), value, "Member must have length between 1 and " + MAX_NAME_LENGTH);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public String text(String member) {
        return optionalText(member).orElseThrow(() -> missing(member));
    }

    public Optional<String> optionalText(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw GlueError.serialization("Expected a string for " + member);
        }
        return Optional.of(node.textValue());
    }

    public Optional<String> optionalText(String member, int maxLength) {
        Optional<String> value = optionalText(member);
        value.filter(v -> v.length() > maxLength).ifPresent(v -> {
            throw GlueError.validation(
                    memberPath(member), v, "Member must have length less than or equal to " + maxLength);
        });
        return value;
    }

    public boolean flag(String member) {
        JsonNode node = body.get(member);
        return node != null && node.asBoolean(false);
    }

    /** An optional integer in {@code [min, max]}. */
    public OptionalInt optionalInt(String member, int min, int max) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return OptionalInt.empty();
        }
        if (!node.canConvertToInt()) {
            throw GlueError.serialization("Expected an integer for " + member);
        }
        int value = node.intValue();
        if (value < min) {
            throw GlueError.validation(
                    memberPath(member), value, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw GlueError.validation(
                    memberPath(member), value, "Member must have value less than or equal to " + max);
        }
        return OptionalInt.of(value);
    }

    public ObjectNode object(String member) {
        return optionalObject(member).orElseThrow(() -> missing(member));
    }

    public Optional<ObjectNode> optionalObject(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw GlueError.serialization("Expected an object for " + member);
        }
        return Optional.of((ObjectNode) node);
    }

    /** The fields of a nested structure, with member paths reported as Glue does ({@code segment.totalSegments}). */
    public Optional<RequestFields> optionalStructure(String member) {
        return optionalObject(member).map(node -> new RequestFields(node, memberPath(member) + "."));
    }

    public RequestFields structure(String member) {
        return new RequestFields(object(member), memberPath(member) + ".");
    }

    /** A list of objects with a length in {@code [min, max]}; absent counts as empty. */
    public List<ObjectNode> objects(String member, int min, int max) {
        ArrayNode array = array(member);
        checkLength(member, array, min, max);
        List<ObjectNode> objects = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw GlueError.serialization("Expected objects in " + member);
            }
            objects.add((ObjectNode) element);
        }
        return objects;
    }

    /** A list of strings, required, with a length in {@code [min, max]}. */
    public List<String> strings(String member, int min, int max) {
        if (!body.has(member) || body.get(member).isNull()) {
            throw missing(member);
        }
        ArrayNode array = array(member);
        checkLength(member, array, min, max);
        List<String> strings = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw GlueError.serialization("Expected strings in " + member);
            }
            strings.add(element.textValue());
        }
        return List.copyOf(strings);
    }

    private ArrayNode array(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return body.arrayNode();
        }
        if (!node.isArray()) {
            throw GlueError.serialization("Expected a list for " + member);
        }
        return (ArrayNode) node;
    }

    private void checkLength(String member, ArrayNode array, int min, int max) {
        if (array.size() < min) {
            throw GlueError.validation(
                    memberPath(member), abbreviated(array), "Member must have length greater than or equal to " + min);
        }
        if (array.size() > max) {
            throw GlueError.validation(
                    memberPath(member), abbreviated(array), "Member must have length less than or equal to " + max);
        }
    }

    private GlueError missing(String member) {
        return GlueError.validation(memberPath(member), null, "Member must not be null");
    }

    private String memberPath(String member) {
        return path + Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private static String abbreviated(ArrayNode array) {
        String text = array.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + array.size() + " elements)";
    }
}
