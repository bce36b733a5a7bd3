package io.stocklake.glue.endpoint.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.fault.FaultInjector;
import io.stocklake.glue.endpoint.fault.FaultPlan;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /_fault}, served only when asked for and only to callers signing with the endpoint's credentials (SigV4,
 * which no web page can send without the secret): {@code GET} shows the fault plan, {@code POST} replaces it, {@code DELETE} clears it. The body
 * of a POST, every member optional:
 *
 * <pre>
 * {"throttlePercent": 20, "internalErrorPercent": 5,
 *  "outage": true | "outageSeconds": 30 | "outageStart": "2026-11-24T03:00:00Z", "outageEnd": "...",
 *  "operations": ["BatchCreatePartition"]}
 * </pre>
 */
public final class FaultAdminHandler implements HttpHandler {
    private final FaultInjector faults;
    private final RequestAuthenticator authenticator;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final JsonReplies replies;

    public FaultAdminHandler(
            FaultInjector faults, RequestAuthenticator authenticator, Clock clock, ObjectMapper mapper) {
        this.faults = faults;
        this.authenticator = authenticator;
        this.clock = clock;
        this.mapper = mapper;
        this.replies = new JsonReplies(mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                authenticator.authenticate(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(),
                        body,
                        Set.of());
            } catch (GlueError refused) {
                replies.error(exchange, requestId, refused);
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET":
                    break;
                case "DELETE":
                    faults.clear();
                    break;
                case "POST":
                case "PUT":
                    try {
                        faults.set(plan(body));
                    } catch (IllegalArgumentException | IOException | DateTimeParseException e) {
                        replies.send(
                                exchange,
                                requestId,
                                400,
                                mapper.createObjectNode().put("message", e.getMessage()));
                        return;
                    }
                    break;
                default:
                    replies.send(
                            exchange, requestId, 405, mapper.createObjectNode().put("message", "GET, POST or DELETE"));
                    return;
            }
            replies.send(exchange, requestId, 200, describe(faults.plan()));
        }
    }

    private FaultPlan plan(byte[] body) throws IOException {
        JsonNode json = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        if (!json.isObject()) {
            throw new IllegalArgumentException("The fault plan must be a JSON object");
        }
        FaultPlan plan = FaultPlan.none()
                .withThrottlePercent(json.path("throttlePercent").asInt(0))
                .withInternalErrorPercent(json.path("internalErrorPercent").asInt(0));
        Instant now = clock.instant();
        if (json.path("outage").asBoolean(false)) {
            plan = plan.withOutage(now, Instant.MAX);
        } else if (json.has("outageSeconds")) {
            plan = plan.withOutage(
                    now,
                    now.plus(Duration.ofMillis(
                            Math.round(json.get("outageSeconds").asDouble() * 1000))));
        } else if (json.has("outageStart") || json.has("outageEnd")) {
            plan = plan.withOutage(
                    Instant.parse(json.path("outageStart").asText(now.toString())),
                    json.has("outageEnd") ? Instant.parse(json.get("outageEnd").asText()) : Instant.MAX);
        }
        Set<String> operations = new HashSet<>();
        json.path("operations").forEach(operation -> operations.add(operation.asText()));
        return plan.onlyFor(operations);
    }

    private ObjectNode describe(FaultPlan plan) {
        ObjectNode json = mapper.createObjectNode()
                .put("throttlePercent", plan.throttlePercent())
                .put("internalErrorPercent", plan.internalErrorPercent());
        plan.outageStart().ifPresent(start -> json.put("outageStart", start.toString()));
        plan.outageEnd()
                .filter(end -> !end.equals(Instant.MAX))
                .ifPresent(end -> json.put("outageEnd", end.toString()));
        if (plan.outageEnd().filter(Instant.MAX::equals).isPresent()) {
            json.put("outage", true);
        }
        plan.operations().stream().sorted().forEach(json.putArray("operations")::add);
        return json;
    }
}
