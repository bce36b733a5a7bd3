package io.stocklake.glue.endpoint.protocol;

import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.api.GlueOperation;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The actions this endpoint serves, by the name that follows {@code AWSGlue.} in {@code X-Amz-Target}. */
public final class OperationRegistry {
    private final Map<String, GlueOperation> operations = new TreeMap<>();

    public OperationRegistry(Collection<Map<String, GlueOperation>> groups) {
        for (Map<String, GlueOperation> group : groups) {
            group.forEach((name, operation) -> {
                if (operations.putIfAbsent(name, operation) != null) {
                    throw new IllegalArgumentException("Operation " + name + " registered twice");
                }
            });
        }
    }

    GlueOperation find(String name) {
        GlueOperation operation = operations.get(name);
        if (operation == null) {
            throw GlueError.unknownOperation("Operation " + name + " is not supported by this endpoint.");
        }
        return operation;
    }

    public Set<String> names() {
        return Set.copyOf(operations.keySet());
    }
}
