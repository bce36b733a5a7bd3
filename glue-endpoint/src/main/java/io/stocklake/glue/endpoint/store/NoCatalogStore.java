package io.stocklake.glue.endpoint.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Keeps nothing, for an endpoint whose catalog should vanish with it. */
final class NoCatalogStore implements CatalogStore {
    @Override
    public List<StoredDatabase> load() {
        return List.of();
    }

    @Override
    public void putDatabase(String database, ObjectNode json) {}

    @Override
    public void removeDatabase(String database) {}

    @Override
    public void putTable(String database, String table, ObjectNode json) {}

    @Override
    public void removeTable(String database, String table) {}

    @Override
    public void putPartition(String database, String table, List<String> values, ObjectNode json) {}

    @Override
    public void removePartition(String database, String table, List<String> values) {}
}
