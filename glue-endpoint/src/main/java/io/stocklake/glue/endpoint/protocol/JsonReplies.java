package io.stocklake.glue.endpoint.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.stocklake.glue.endpoint.api.GlueError;
import java.io.IOException;
import java.io.OutputStream;

/** Writes JSON 1.1 responses: results, and errors in Glue's shape that AWS SDKs map to exception classes. */
final class JsonReplies {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ObjectMapper mapper;

    JsonReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void result(HttpExchange exchange, String requestId, ObjectNode body) throws IOException {
        send(exchange, requestId, 200, body);
    }

    void error(HttpExchange exchange, String requestId, GlueError error) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", error.code());
        ObjectNode body = mapper.createObjectNode().put("__type", error.code()).put("Message", error.getMessage());
        send(exchange, requestId, error.httpStatus(), body);
    }

    void send(HttpExchange exchange, String requestId, int status, ObjectNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
