package io.stocklake.glue.endpoint.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.fault.FaultInjector;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.UUID;

/**
 * The AWS JSON 1.1 protocol as Glue speaks it: {@code POST /} with {@code X-Amz-Target: AWSGlue.<Action>} and a
 * JSON body; the answer is the action's JSON (200) or {@code {"__type": ..., "Message": ...}} with the error's
 * status. Order of checks: action known (then counted), signature, injected faults, body, action.
 */
public final class GlueRequestHandler implements HttpHandler {
    private static final System.Logger log = System.getLogger(GlueRequestHandler.class.getName());
    private static final String TARGET_PREFIX = "AWSGlue.";
    /** Signed besides host and date, so a captured signature cannot be replayed as another action. */
    private static final Set<String> SIGNED_HEADERS = Set.of("x-amz-target");

    private final OperationRegistry operations;
    private final RequestAuthenticator authenticator;
    private final FaultInjector faults;
    private final RequestCounts counts;
    private final ObjectMapper mapper;
    private final JsonReplies replies;

    public GlueRequestHandler(
            OperationRegistry operations,
            RequestAuthenticator authenticator,
            FaultInjector faults,
            RequestCounts counts,
            ObjectMapper mapper) {
        this.operations = operations;
        this.authenticator = authenticator;
        this.faults = faults;
        this.counts = counts;
        this.mapper = mapper;
        this.replies = new JsonReplies(mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = "?";
            try {
                operation = operationName(exchange);
                ObjectNode response = serve(exchange, operation, body);
                String name = operation;
                log.log(Level.DEBUG, () -> "200 " + name + " " + requestId);
                replies.result(exchange, requestId, response);
            } catch (GlueError error) {
                String name = operation;
                log.log(
                        Level.DEBUG,
                        () -> error.httpStatus() + " " + name + " " + error.code() + ": " + error.getMessage());
                replies.error(exchange, requestId, error);
            } catch (RuntimeException unexpected) {
                log.log(Level.ERROR, "Failed to serve " + operation, unexpected);
                replies.error(exchange, requestId, GlueError.internalService("Internal service error: " + unexpected));
            }
        }
    }

    private ObjectNode serve(HttpExchange exchange, String operationName, byte[] body) {
        var operation = operations.find(operationName);
        counts.record(operationName);
        authenticator.authenticate(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                SIGNED_HEADERS);
        faults.faultFor(operationName).ifPresent(fault -> {
            throw fault;
        });
        return operation.handle(parse(body));
    }

    private static String operationName(HttpExchange exchange) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw GlueError.unknownOperation("Only POST is served; got " + exchange.getRequestMethod() + ".");
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw GlueError.unknownOperation("Missing or foreign X-Amz-Target: " + target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (!(json instanceof ObjectNode object)) {
                throw GlueError.serialization("The request body must be a JSON object.");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw GlueError.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw GlueError.serialization("Unreadable request body: " + e.getMessage());
        }
    }
}
