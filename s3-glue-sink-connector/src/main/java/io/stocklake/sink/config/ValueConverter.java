package io.stocklake.sink.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The worker's converters whose values the sink can tell apart before any record arrives
 * ({@code value.converter}): what they give decides which formats can write them.
 */
enum ValueConverter {
    /** Plain text: neither a schema nor a JSON object. */
    STRING("org.apache.kafka.connect.storage.StringConverter"),
    /** Raw bytes: neither a schema nor a JSON object. */
    BYTE_ARRAY("org.apache.kafka.connect.converters.ByteArrayConverter"),
    /** JSON: objects, with a schema unless {@code value.converter.schemas.enable=false}. */
    JSON("org.apache.kafka.connect.json.JsonConverter");

    private final String className;

    ValueConverter(String className) {
        this.className = className;
    }

    String className() {
        return className;
    }

    /** Whether the values are plain text or bytes, which no JSON line and no schema can hold. */
    boolean givesTextOrBytes() {
        return this != JSON;
    }

    /** The converter a {@code value.converter} setting names; empty for any other (a schema registry's, say). */
    static Optional<ValueConverter> named(String className) {
        String wanted = className == null ? "" : className.trim();
        return Arrays.stream(values()).filter(c -> c.className.equals(wanted)).findFirst();
    }
}
