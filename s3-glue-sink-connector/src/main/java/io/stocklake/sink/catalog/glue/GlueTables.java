package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.config.CatalogConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The catalog tables the sink writes: creates them (and their database) when missing, checks that existing ones
 * can hold the files and records, and appends columns for new fields. Remembers each table and every schema it
 * has accepted, so an unchanged schema costs no Glue call.
 */
final class GlueTables {

    private static final Logger log = LoggerFactory.getLogger(GlueTables.class);
    private static final int UPDATE_ATTEMPTS = 5;

    private record Accepted(String table, Schema schema) {}

    private final GlueClient glue;
    private final CatalogConfig settings;
    private final TableInputs inputs;
    private final Map<String, Table> current = new HashMap<>();
    private final Set<Accepted> accepted = new HashSet<>();
    /** The latest definition of each table, to create it again should it be dropped. */
    private final Map<String, TableDefinition> definitions = new HashMap<>();

    GlueTables(GlueClient glue, CatalogConfig settings, TableInputs inputs) {
        this.glue = glue;
        this.settings = settings;
        this.inputs = inputs;
    }

    /**
     * Makes sure the table exists and holds records of the definition's schema. DataException when the schema
     * cannot be held; {@link IncompatibleTableException} when the table's layout does not fit the files;
     * CatalogException when the table is missing and may not be created.
     */
    void ensure(TableDefinition definition) {
        String name = settings.tableFor(definition.table().name());
        Accepted key = new Accepted(name, definition.valueSchema());
        definitions.put(name, definition);
        if (accepted.contains(key)) {
            return;
        }
        TableFormat format = TableFormat.of(definition.format());
        List<Column> wanted =
                definition.valueSchema() == null ? null : HiveTypes.columns(definition.valueSchema(), format);
        Table table = current.containsKey(name) ? current.get(name) : fetch(name);
        if (table == null) {
            table = create(name, definition, format, wanted);
        }
        current.put(name, table);
        TableCompatibility.checkLayout(qualified(name), table, format, definition.partitionKeys());
        if (wanted != null) {
            table = evolve(name, table, wanted, format);
            current.put(name, table);
        }
        accepted.add(key);
    }

    /**
     * After the table was found missing (dropped outside the sink): forgets it and makes sure it exists again, as
     * {@link #ensure} does with its latest definition. CatalogException, permanent, when it may not be created.
     */
    void recreate(String name) {
        current.remove(name);
        accepted.removeIf(a -> a.table().equals(name));
        TableDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new CatalogException("Glue table " + qualified(name) + " does not exist", null);
        }
        ensure(definition);
    }

    /** The table as last seen, read from the catalog if this task has not seen it yet. */
    Table current(String name) {
        Table table = current.containsKey(name) ? current.get(name) : fetch(name);
        if (table == null) {
            throw new CatalogException("Glue table " + qualified(name) + " does not exist", null);
        }
        current.put(name, table);
        return table;
    }

    /** The table as last seen or read now, or null when it does not exist. */
    Table existing(String name) {
        Table table = current.containsKey(name) ? current.get(name) : fetch(name);
        if (table != null) {
            current.put(name, table);
        }
        return table;
    }

    String qualified(String name) {
        return settings.database() + "." + name;
    }

    private Table fetch(String name) {
        try {
            return glue.getTable(r -> r.catalogId(catalogId())
                            .databaseName(settings.database())
                            .name(name))
                    .table();
        } catch (EntityNotFoundException e) {
            return null;
        }
    }

    private Table create(String name, TableDefinition definition, TableFormat format, List<Column> columns) {
        if (!settings.autoCreate()) {
            throw CatalogException.permanent(
                    "Glue table " + qualified(name) + " does not exist and " + CatalogConfig.GLUE_TABLE_AUTO_CREATE
                            + "=false; create it, or let the sink create it",
                    null);
        }
        if (columns == null) {
            throw CatalogException.permanent(
                    "Glue table " + qualified(name) + " does not exist and cannot be "
                            + "created from schemaless records; create it (e.g. in Athena) or use a converter with schemas "
                            + "(value.converter)",
                    null);
        }
        TableInput input = inputs.create(name, definition, format, columns);
        try {
            createTable(input);
        } catch (EntityNotFoundException e) {
            createDatabase();
            createTable(input);
        }
        Table table = fetch(name);
        if (table == null) {
            throw new CatalogException("Glue table " + qualified(name) + " was created but cannot be read back", null);
        }
        return table;
    }

    private void createTable(TableInput input) {
        try {
            glue.createTable(r ->
                    r.catalogId(catalogId()).databaseName(settings.database()).tableInput(input));
            log.info(
                    "Created Glue table {} at {}",
                    qualified(input.name()),
                    input.storageDescriptor().location());
        } catch (AlreadyExistsException e) {
            log.debug("Glue table {} was created meanwhile", qualified(input.name()));
        }
    }

    private void createDatabase() {
        try {
            glue.createDatabase(r -> r.catalogId(catalogId())
                    .databaseInput(
                            d -> d.name(settings.database()).description("Tables written by the stocklake S3 sink")));
            log.info("Created Glue database {}", settings.database());
        } catch (AlreadyExistsException e) {
            log.debug("Glue database {} was created meanwhile", settings.database());
        }
    }

    private Table evolve(String name, Table seen, List<Column> wanted, TableFormat format) {
        Table table = seen;
        for (int attempt = 1; ; attempt++) {
            List<Column> append = TableCompatibility.columnsToAppend(qualified(name), table, wanted, format);
            if (append.isEmpty()) {
                return table;
            }
            List<String> names = append.stream().map(Column::name).toList();
            if (!settings.autoCreate()) {
                log.warn(
                        "Glue table {} lacks columns {} of the record schema; with {}=false they stay invisible "
                                + "to queries",
                        qualified(name),
                        names,
                        CatalogConfig.GLUE_TABLE_AUTO_CREATE);
                return table;
            }
            TableInput input = TableInputs.withColumns(table, append);
            String version = table.versionId();
            try {
                glue.updateTable(r -> r.catalogId(catalogId())
                        .databaseName(settings.database())
                        .tableInput(input)
                        .versionId(version));
                log.info("Appended columns {} to Glue table {}", names, qualified(name));
            } catch (ConcurrentModificationException e) {
                if (attempt >= UPDATE_ATTEMPTS) {
                    throw e;
                }
                log.debug("Glue table {} changed meanwhile; reading it again", qualified(name));
            }
            table = fetch(name);
            if (table == null) {
                throw new CatalogException(
                        "Glue table " + qualified(name) + " disappeared while adding columns " + names, null);
            }
        }
    }

    private String catalogId() {
        return settings.catalogId().isEmpty() ? null : settings.catalogId();
    }
}
