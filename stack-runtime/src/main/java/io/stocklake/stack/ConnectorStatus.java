package io.stocklake.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A connector's state and its tasks' states, as {@code GET /connectors/{name}/status} reports them. */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public record TaskStatus(int id, String state, String workerId, String trace) {}

    static ConnectorStatus from(JsonNode json) {
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new TaskStatus(
                    task.path("id").asInt(),
                    task.path("state").asText(),
                    task.path("worker_id").asText(),
                    task.path("trace").asText(null)));
        }
        JsonNode connector = json.path("connector");
        return new ConnectorStatus(
                json.path("name").asText(),
                connector.path("state").asText(),
                connector.path("worker_id").asText(),
                connector.path("trace").asText(null),
                List.copyOf(tasks));
    }

    public boolean isRunning(int expectedTasks) {
        return "RUNNING".equals(state)
                && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    public boolean anyFailed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** The first failure's stack trace, for assertion messages. */
    public String failureTrace() {
        if ("FAILED".equals(state)) {
            return trace;
        }
        return tasks.stream()
                .filter(t -> "FAILED".equals(t.state()))
                .map(t -> "task " + t.id() + ": " + t.trace())
                .findFirst()
                .orElse(null);
    }
}
