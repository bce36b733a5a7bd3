package io.stocklake.sink.catalog;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;

/**
 * Makes written files queryable. The sink calls {@link #ensureTable} before a file of a new schema is opened
 * (a DataException there rejects the record as a bad one) and {@link #register} after a rotation's objects are
 * uploaded and before their offsets become committable, so a failure (CatalogException) only delays the commit.
 * Both calls must be idempotent: after a crash the same tables and partitions are announced again.
 */
public interface PartitionCatalog extends AutoCloseable {

    /**
     * Creates the table if missing (or evolves its columns); cheap when nothing changed. DataException when the
     * table cannot hold records of this schema.
     */
    void ensureTable(TableDefinition definition);

    /**
     * The value schema (a STRUCT of the table's columns) for values that carry none, read from the table; empty when
     * this catalog keeps no tables. CatalogException, permanent, naming the table and the settings when the table does
     * not exist.
     */
    default Optional<Schema> valueSchema(TableRef table) {
        return Optional.empty();
    }

    /** Registers partitions, all tables at once; already registered ones are fine. */
    void register(List<PartitionRegistration> partitions);

    @Override
    default void close() {}
}
