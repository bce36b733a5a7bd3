package io.stocklake.analytics.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * A record value as Kafka's JsonConverter writes it with {@code schemas.enable=true}: {@code {"schema": ...,
 * "payload": ...}}. The sink reads it with that converter, so a result topic lands like the ticks, with typed
 * columns, on any Connect worker. One instance per struct schema; the schema node is built once.
 */
final class ConnectStructJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectNode schema;

    private ConnectStructJson(ObjectNode schema) {
        this.schema = schema;
    }

    static Builder struct(String name, int version) {
        return new Builder(name, version);
    }

    /** The envelope with the payload the writer fills in. */
    byte[] write(Consumer<ObjectNode> payloadWriter) {
        ObjectNode envelope = NODES.objectNode();
        envelope.set("schema", schema);
        payloadWriter.accept(envelope.putObject("payload"));
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    /** Fields in order; all required. */
    static final class Builder {

        private final ObjectNode schema = NODES.objectNode();
        private final ArrayNode fields;

        private Builder(String name, int version) {
            schema.put("type", "struct");
            fields = schema.putArray("fields");
            schema.put("optional", false);
            schema.put("name", name);
            schema.put("version", version);
        }

        Builder string(String field) {
            return primitive("string", field);
        }

        Builder float64(String field) {
            return primitive("double", field);
        }

        Builder int64(String field) {
            return primitive("int64", field);
        }

        /** Connect's Timestamp logical type: epoch milliseconds, a timestamp column in every file format. */
        Builder timestamp(String field) {
            fields.addObject()
                    .put("type", "int64")
                    .put("optional", false)
                    .put("name", TIMESTAMP)
                    .put("version", 1)
                    .put("field", field);
            return this;
        }

        private Builder primitive(String type, String field) {
            fields.addObject().put("type", type).put("optional", false).put("field", field);
            return this;
        }

        ConnectStructJson build() {
            return new ConnectStructJson(schema);
        }
    }
}
