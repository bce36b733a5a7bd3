package io.stocklake.glue.endpoint.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A table as loaded from a store, with its partitions. */
public record StoredTable(ObjectNode json, List<ObjectNode> partitions) {
    public StoredTable {
        partitions = List.copyOf(partitions);
    }
}
