package io.stocklake.glue.endpoint.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A database as loaded from a store, with its tables. */
public record StoredDatabase(ObjectNode json, List<StoredTable> tables) {
    public StoredDatabase {
        tables = List.copyOf(tables);
    }
}
