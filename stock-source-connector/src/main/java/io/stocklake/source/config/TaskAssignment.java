package io.stocklake.source.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which symbols a task owns: the symbol at universe index {@code i} belongs to task {@code i % count}, which
 * balances the tasks to within one symbol and never gives a symbol to two tasks.
 */
public record TaskAssignment(int index, int count) {

    static final String INDEX = "task.index";
    static final String COUNT = "task.count";

    public TaskAssignment {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("task " + index + " of " + count);
        }
    }

    /** Read from a task's configuration; a configuration without one (a single task) owns everything. */
    public static TaskAssignment of(Map<String, String> taskProps) {
        String index = taskProps.get(INDEX);
        String count = taskProps.get(COUNT);
        if (index == null && count == null) {
            return new TaskAssignment(0, 1);
        }
        try {
            return new TaskAssignment(Integer.parseInt(index), Integer.parseInt(count));
        } catch (RuntimeException e) {
            throw new ConfigException(INDEX + "/" + COUNT, index + "/" + count, "not a valid task assignment");
        }
    }

    public boolean owns(int symbolIndex) {
        return symbolIndex % count == index;
    }

    /** The connector's configuration plus this assignment: one task's configuration. */
    public Map<String, String> addTo(Map<String, String> connectorProps) {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.put(INDEX, Integer.toString(index));
        props.put(COUNT, Integer.toString(count));
        return props;
    }
}
