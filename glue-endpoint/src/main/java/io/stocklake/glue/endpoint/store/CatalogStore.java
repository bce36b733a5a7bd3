package io.stocklake.glue.endpoint.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where the catalog's state lives between runs. Each call writes through before it returns; the caller
 * serialises calls, so implementations need no locking of their own. Failures are {@link java.io.UncheckedIOException}.
 */
public interface CatalogStore {
    /** Everything stored, for the catalog to start from. */
    List<StoredDatabase> load();

    void putDatabase(String database, ObjectNode json);

    /** Removes the database with its tables and their partitions. */
    void removeDatabase(String database);

    void putTable(String database, String table, ObjectNode json);

    /** Removes the table with its partitions. */
    void removeTable(String database, String table);

    void putPartition(String database, String table, List<String> values, ObjectNode json);

    void removePartition(String database, String table, List<String> values);

    /** A store that keeps nothing: the catalog lives in memory only. */
    static CatalogStore none() {
        return new NoCatalogStore();
    }
}
