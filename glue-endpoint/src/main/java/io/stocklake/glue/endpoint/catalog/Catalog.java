package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.expression.PartitionKey;
import io.stocklake.glue.endpoint.store.CatalogStore;
import io.stocklake.glue.endpoint.store.StoredDatabase;
import io.stocklake.glue.endpoint.store.StoredTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The catalog's state: databases, their tables, the tables' partitions, as the JSON documents Glue returns.
 * Thread-safe: reads share a lock, each change holds it exclusively while it writes through to the store, so
 * a change is visible only once it is stored. Documents never leave without being copied.
 */
public final class Catalog {
    private final CatalogStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, DatabaseState> databases = new TreeMap<>();

    public Catalog(CatalogStore store) {
        this.store = store;
        for (StoredDatabase database : store.load()) {
            DatabaseState state = new DatabaseState(database.json());
            for (StoredTable table : database.tables()) {
                TableState tableState = new TableState(table.json());
                table.partitions().forEach(partition -> tableState.partitions.put(values(partition), partition));
                state.tables.put(name(table.json()), tableState);
            }
            databases.put(name(database.json()), state);
        }
    }

    // ---- databases

    public void createDatabase(ObjectNode database) {
        String name = name(database);
        write(() -> {
            if (databases.containsKey(name)) {
                throw GlueError.alreadyExists("Database already exists.");
            }
            store.putDatabase(name, database);
            databases.put(name, new DatabaseState(database));
            return null;
        });
    }

    public ObjectNode database(String name) {
        return read(() -> database(name, true).json.deepCopy());
    }

    /** Every database, ordered by name. */
    public List<ObjectNode> databases() {
        return read(
                () -> databases.values().stream().map(d -> d.json.deepCopy()).toList());
    }

    public void updateDatabase(String name, UnaryOperator<ObjectNode> change) {
        write(() -> {
            DatabaseState state = database(name, true);
            ObjectNode updated = change.apply(state.json.deepCopy());
            if (!name(updated).equals(name)) {
                throw GlueError.invalidInput("A database cannot be renamed.");
            }
            store.putDatabase(name, updated);
            state.json = updated;
            return null;
        });
    }

    public void deleteDatabase(String name) {
        write(() -> {
            database(name, true);
            store.removeDatabase(name);
            databases.remove(name);
            return null;
        });
    }

    // ---- tables

    public void createTable(String databaseName, ObjectNode table) {
        String name = name(table);
        write(() -> {
            DatabaseState database = database(databaseName, true);
            if (database.tables.containsKey(name)) {
                throw GlueError.alreadyExists("Table already exists.");
            }
            store.putTable(databaseName, name, table);
            database.tables.put(name, new TableState(table));
            return null;
        });
    }

    public ObjectNode table(String databaseName, String name) {
        return read(() -> table(databaseName, name, true).json.deepCopy());
    }

    /** Every table of a database, ordered by name. */
    public List<ObjectNode> tables(String databaseName) {
        return read(() -> database(databaseName, true).tables.values().stream()
                .map(t -> t.json.deepCopy())
                .toList());
    }

    /** Replaces a table by what {@code change} makes of it, atomically with respect to other changes. */
    public void updateTable(String databaseName, String name, UnaryOperator<ObjectNode> change) {
        write(() -> {
            TableState state = table(databaseName, name, true);
            ObjectNode updated = change.apply(state.json.deepCopy());
            store.putTable(databaseName, name, updated);
            state.json = updated;
            state.keys = partitionKeys(updated);
            return null;
        });
    }

    public void deleteTable(String databaseName, String name) {
        write(() -> {
            table(databaseName, name, true);
            store.removeTable(databaseName, name);
            database(databaseName, true).tables.remove(name);
            return null;
        });
    }

    /** The table's partition keys, in order. */
    public List<PartitionKey> partitionKeys(String databaseName, String tableName) {
        return read(() -> table(databaseName, tableName, true).keys);
    }

    // ---- partitions

    public void createPartition(String databaseName, String tableName, ObjectNode partition) {
        List<String> values = values(partition);
        write(() -> {
            TableState table = table(databaseName, tableName, true);
            checkArity(table, values);
            if (table.partitions.containsKey(values)) {
                throw GlueError.alreadyExists("Partition already exists.");
            }
            store.putPartition(databaseName, tableName, values, partition);
            table.partitions.put(values, partition);
            return null;
        });
    }

    public ObjectNode partition(String databaseName, String tableName, List<String> values) {
        return read(() -> {
            ObjectNode partition =
                    table(databaseName, tableName, true).partitions.get(values);
            if (partition == null) {
                throw GlueError.entityNotFound("Cannot find partition.");
            }
            return partition.deepCopy();
        });
    }

    /** The partitions that exist among {@code wanted}, in the order asked for. */
    public List<ObjectNode> partitions(String databaseName, String tableName, List<List<String>> wanted) {
        return read(() -> {
            TableState table = table(databaseName, tableName, true);
            List<ObjectNode> found = new ArrayList<>();
            for (List<String> values : wanted) {
                Optional.ofNullable(table.partitions.get(values)).ifPresent(p -> found.add(p.deepCopy()));
            }
            return found;
        });
    }

    /**
     * Up to {@code limit} partitions after {@code after} (exclusive; empty for the start) in values order, that
     * {@code selection} accepts. {@link PartitionPage#last()} is set when more may follow.
     */
    public PartitionPage partitions(
            String databaseName,
            String tableName,
            PartitionSelection selection,
            Optional<List<String>> after,
            int limit) {
        return read(() -> {
            TableState table = table(databaseName, tableName, true);
            TreeMap<List<String>, ObjectNode> partitions = table.partitions;
            Map<List<String>, ObjectNode> remaining =
                    after.isPresent() ? partitions.tailMap(after.get(), false) : partitions;
            List<ObjectNode> page = new ArrayList<>();
            List<String> last = null;
            for (Map.Entry<List<String>, ObjectNode> entry : remaining.entrySet()) {
                if (!selection.accepts(entry.getKey())) {
                    continue;
                }
                if (page.size() == limit) {
                    return new PartitionPage(page, Optional.of(last));
                }
                page.add(entry.getValue().deepCopy());
                last = entry.getKey();
            }
            return new PartitionPage(page, Optional.empty());
        });
    }

    public void updatePartition(
            String databaseName, String tableName, List<String> values, UnaryOperator<ObjectNode> change) {
        write(() -> {
            TableState table = table(databaseName, tableName, true);
            ObjectNode current = table.partitions.get(values);
            if (current == null) {
                throw GlueError.entityNotFound("Cannot find partition.");
            }
            ObjectNode updated = change.apply(current.deepCopy());
            List<String> newValues = values(updated);
            checkArity(table, newValues);
            if (!newValues.equals(values) && table.partitions.containsKey(newValues)) {
                throw GlueError.alreadyExists("Partition already exists.");
            }
            store.putPartition(databaseName, tableName, newValues, updated);
            if (!newValues.equals(values)) {
                store.removePartition(databaseName, tableName, values);
                table.partitions.remove(values);
            }
            table.partitions.put(newValues, updated);
            return null;
        });
    }

    public void deletePartition(String databaseName, String tableName, List<String> values) {
        write(() -> {
            TableState table = table(databaseName, tableName, true);
            if (!table.partitions.containsKey(values)) {
                throw GlueError.entityNotFound("Cannot find partition.");
            }
            store.removePartition(databaseName, tableName, values);
            table.partitions.remove(values);
            return null;
        });
    }

    // ---- internals; callers hold the lock

    private DatabaseState database(String name, boolean required) {
        DatabaseState database = databases.get(name.toLowerCase(Locale.ROOT));
        if (database == null && required) {
            throw GlueError.entityNotFound("Database " + name + " not found.");
        }
        return database;
    }

    private TableState table(String databaseName, String name, boolean required) {
        TableState table = database(databaseName, true).tables.get(name.toLowerCase(Locale.ROOT));
        if (table == null && required) {
            throw GlueError.entityNotFound("Table " + name + " not found.");
        }
        return table;
    }

    private static void checkArity(TableState table, List<String> values) {
        if (values.size() != table.keys.size()) {
            throw GlueError.invalidInput("The number of partition keys do not match the number of partition values.");
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Supplier<Void> action) {
        lock.writeLock().lock();
        try {
            action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static String name(ObjectNode json) {
        return json.path("Name").asText();
    }

    static List<String> values(ObjectNode partition) {
        List<String> values = new ArrayList<>();
        partition.path("Values").forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    static List<PartitionKey> partitionKeys(ObjectNode table) {
        List<PartitionKey> keys = new ArrayList<>();
        for (JsonNode key : table.path("PartitionKeys")) {
            keys.add(new PartitionKey(
                    key.path("Name").asText().toLowerCase(Locale.ROOT),
                    key.path("Type").asText("string")));
        }
        return List.copyOf(keys);
    }

    private static final class DatabaseState {
        private ObjectNode json;
        private final Map<String, TableState> tables = new TreeMap<>();

        private DatabaseState(ObjectNode json) {
            this.json = json;
        }
    }

    private static final class TableState {
        private ObjectNode json;
        private List<PartitionKey> keys;
        private final TreeMap<List<String>, ObjectNode> partitions = new TreeMap<>(Catalog::compareValues);

        private TableState(ObjectNode json) {
            this.json = json;
            this.keys = partitionKeys(json);
        }
    }

    private static int compareValues(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int comparison = left.get(i).compareTo(right.get(i));
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
