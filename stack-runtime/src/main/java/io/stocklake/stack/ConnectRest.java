package io.stocklake.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A client of the Kafka Connect REST API of one worker. */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    /** Short, so a probe of a port that another process took (and never answers on) ends soon. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(URI base) {
        this.base = base;
    }

    public URI uri() {
        return base;
    }

    /** The connector plugins the worker loaded: class name to type ("source" / "sink"). */
    public List<ConnectorPlugin> connectorPlugins() {
        List<ConnectorPlugin> plugins = new ArrayList<>();
        for (JsonNode node : send("GET", "/connector-plugins?connectorsOnly=true", null)) {
            plugins.add(new ConnectorPlugin(
                    node.path("class").asText(),
                    node.path("type").asText(),
                    node.path("version").asText()));
        }
        return plugins;
    }

    /** Creates the connector, or replaces its configuration when it exists. */
    public JsonNode putConnector(String name, Map<String, String> config) {
        return send("PUT", "/connectors/" + encode(name) + "/config", JSON.valueToTree(config));
    }

    /** POSTs a {@code {"name": ..., "config": {...}}} document, as a user does with a file of connect-configs/. */
    public JsonNode postConnector(JsonNode document) {
        return send("POST", "/connectors", document);
    }

    public JsonNode validate(String connectorClass, Map<String, String> config) {
        ObjectNode body = JSON.valueToTree(config);
        body.put("connector.class", connectorClass);
        return send("PUT", "/connector-plugins/" + encode(connectorClass) + "/config/validate", body);
    }

    /**
     * {@code GET /connector-plugins/{class}/config}: the config keys of the plugin's ConfigDef and of Connect's own
     * connector settings, each with its {@code name}, {@code group}, {@code type} and more.
     */
    public JsonNode pluginConfig(String connectorClass) {
        return send("GET", "/connector-plugins/" + encode(connectorClass) + "/config", null);
    }

    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        send("GET", "/connectors", null).forEach(n -> names.add(n.asText()));
        return names;
    }

    public JsonNode connectorConfig(String name) {
        return send("GET", "/connectors/" + encode(name) + "/config", null);
    }

    /** {@code GET /connectors/{name}/tasks}: each task's id and configuration (the non-deprecated endpoint). */
    public JsonNode tasks(String name) {
        return send("GET", "/connectors/" + encode(name) + "/tasks", null);
    }

    public ConnectorStatus status(String name) {
        return ConnectorStatus.from(send("GET", "/connectors/" + encode(name) + "/status", null));
    }

    public JsonNode offsets(String name) {
        return send("GET", "/connectors/" + encode(name) + "/offsets", null);
    }

    public void pause(String name) {
        send("PUT", "/connectors/" + encode(name) + "/pause", null);
    }

    public void resume(String name) {
        send("PUT", "/connectors/" + encode(name) + "/resume", null);
    }

    public void stopConnector(String name) {
        send("PUT", "/connectors/" + encode(name) + "/stop", null);
    }

    public void restart(String name) {
        send("POST", "/connectors/" + encode(name) + "/restart?includeTasks=true&onlyFailed=false", null);
    }

    /** Restarts one task, as an operator does after a task FAILED. */
    public void restartTask(String name, int task) {
        send("POST", "/connectors/" + encode(name) + "/tasks/" + task + "/restart", null);
    }

    public void deleteConnector(String name) {
        send("DELETE", "/connectors/" + encode(name), null);
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING. */
    public ConnectorStatus awaitRunning(String name, int tasks, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ConnectorStatus last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = status(name);
                if (last.isRunning(tasks)) {
                    return last;
                }
                if (last.anyFailed()) {
                    throw new AssertionError("Connector " + name + " failed: " + last.failureTrace());
                }
            } catch (ConnectRestException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            KafkaBroker.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("Connector " + name + " not running with " + tasks + " tasks after " + timeout
                + "; last status: " + last);
    }

    /** Waits until a task of the connector is FAILED and returns the status that says so (with its trace). */
    public ConnectorStatus awaitTaskFailure(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ConnectorStatus last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = status(name);
                if (last.tasks().stream().anyMatch(t -> "FAILED".equals(t.state()))) {
                    return last;
                }
            } catch (ConnectRestException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            KafkaBroker.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("No task of " + name + " failed within " + timeout + "; last status " + last);
    }

    /** True once the worker's herder answers requests (it answers 503 while it starts). */
    boolean isReady() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(request("GET", "/connectors", null), (name, value) -> true)
                    .timeout(PROBE_TIMEOUT)
                    .build();
            HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpResponse<String> response =
                    http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ConnectRestException(method + " " + path, response.statusCode(), response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    private HttpRequest request(String method, String path, JsonNode body) throws JsonProcessingException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A connector class the worker can run. */
    public record ConnectorPlugin(String className, String type, String version) {}
}
