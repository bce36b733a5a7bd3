package io.stocklake.sink.row;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.MetadataColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Makes each record the row its file holds: the Kafka metadata columns first, then the value's fields. First, so
 * that CSV, read by position, can still append new value fields at the end, and a tombstone's row (metadata alone)
 * reads right in every format.
 *
 * <p>Row schemas are made once per value schema and handed out as the same instance, so a file's schema compares
 * cheaply and rotation by schema change sees what it saw before. With tombstones written, every value column is
 * optional: a tombstone joins the open file of its partition, whatever value schema that file has, as a row whose
 * value columns are NULL. A tombstone with no file open in its partition opens one of the metadata columns alone.
 *
 * <p>Used by the task thread only.
 */
public final class RowShaper {

    /** Row schemas remembered, beyond which (schemas made anew per record?) the memory starts over. */
    private static final int MAX_ROW_SCHEMAS = 64;

    private final MetadataColumns metadata;
    private final boolean tombstoneRows;
    private final PartitionCatalog catalog;
    private final Schema tombstoneSchema;
    private final Map<Schema, Schema> rowSchemas = new HashMap<>();
    private final Map<String, MapRows> schemaless = new HashMap<>();
    private Schema lastValueSchema;
    private Schema lastRowSchema;

    /**
     * @param tombstoneRows whether records with a null value become rows ({@code behavior.on.null.values=write})
     * @param catalog       where schemaless values find their table's columns
     */
    public RowShaper(List<MetadataColumn> columns, boolean tombstoneRows, PartitionCatalog catalog) {
        this.metadata = new MetadataColumns(columns);
        this.tombstoneRows = tombstoneRows;
        this.catalog = catalog;
        SchemaBuilder tombstone = SchemaBuilder.struct();
        metadata.addTo(tombstone);
        this.tombstoneSchema = tombstone.build();
    }

    /** Whether records with a schema pass through untouched: no metadata columns, no tombstone rows. */
    boolean passesThrough() {
        return metadata.isEmpty() && !tombstoneRows;
    }

    /**
     * The record as its file writes it, keeping its coordinates. {@code openFileSchema} is the schema of the file
     * open in the record's partition (null when none is), which a tombstone joins. DataException for a record that
     * cannot become a row (a bad record); CatalogException when the catalog cannot say a schemaless value's columns.
     */
    public SinkRecord shape(SinkRecord record, String table, Schema openFileSchema) {
        Object value = record.value();
        if (value == null) {
            if (!tombstoneRows) {
                throw new DataException("record value is null");
            }
            Schema rowSchema = openFileSchema != null ? openFileSchema : tombstoneSchema;
            Struct row = new Struct(rowSchema);
            metadata.fill(row, record);
            return withRow(record, row);
        }
        Schema valueSchema = record.valueSchema();
        Struct struct;
        if (valueSchema == null && value instanceof Map<?, ?> map) {
            Optional<MapRows> rows = schemalessRows(table);
            if (rows.isEmpty()) {
                if (!metadata.isEmpty()) {
                    throw new DataException("a schemaless value cannot carry the metadata columns without a Glue table"
                            + " to declare them (glue.enabled=false); use a converter with schemas");
                }
                // Without a catalog the map is written as it is (JSON lines), as before there were tables to read.
                return record;
            }
            struct = rows.get().toStruct(map);
            if (passesThrough()) {
                return withRow(record, struct);
            }
        } else if (passesThrough()) {
            return record;
        } else if (value instanceof Struct given) {
            struct = given;
        } else {
            throw new DataException("record value is a " + value.getClass().getName()
                    + "; rows with metadata columns need a struct (a value with a schema) or a map");
        }
        Schema rowSchema = rowSchema(struct.schema());
        Struct row = new Struct(rowSchema);
        metadata.fill(row, record);
        for (Field field : struct.schema().fields()) {
            Field target = rowSchema.field(field.name());
            Object fieldValue = struct.get(field);
            if (fieldValue instanceof Struct nested && target.schema() != field.schema()) {
                // A required struct made optional: the same fields under the optional schema.
                fieldValue = copy(nested, target.schema());
            }
            row.put(target, fieldValue);
        }
        return withRow(record, row);
    }

    private Optional<MapRows> schemalessRows(String table) {
        MapRows rows = schemaless.get(table);
        if (rows != null) {
            return Optional.of(rows);
        }
        Optional<Schema> declared = catalog.valueSchema(new TableRef(table));
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        SchemaBuilder value = SchemaBuilder.struct();
        for (Field field : declared.get().fields()) {
            // The table's metadata columns are filled from the record, not the value.
            if (!metadata.clashes(field.name())) {
                value.field(field.name(), field.schema());
            }
        }
        rows = new MapRows(table, value.build());
        schemaless.put(table, rows);
        return Optional.of(rows);
    }

    private Schema rowSchema(Schema valueSchema) {
        if (valueSchema == lastValueSchema) {
            return lastRowSchema;
        }
        Schema row = rowSchemas.get(valueSchema);
        if (row == null) {
            if (rowSchemas.size() >= MAX_ROW_SCHEMAS) {
                rowSchemas.clear();
            }
            row = buildRowSchema(valueSchema);
            rowSchemas.put(valueSchema, row);
        }
        lastValueSchema = valueSchema;
        lastRowSchema = row;
        return row;
    }

    private Schema buildRowSchema(Schema valueSchema) {
        SchemaBuilder row = SchemaBuilder.struct();
        if (valueSchema.name() != null) {
            row.name(valueSchema.name());
        }
        if (valueSchema.version() != null) {
            row.version(valueSchema.version());
        }
        metadata.addTo(row);
        for (Field field : valueSchema.fields()) {
            if (metadata.clashes(field.name())) {
                throw new DataException("value field " + field.name() + " has the name of a Kafka metadata column;"
                        + " rename the field or leave the column out of kafka.metadata.columns");
            }
            Schema schema = field.schema();
            row.field(field.name(), tombstoneRows && !schema.isOptional() ? OptionalSchemas.of(schema) : schema);
        }
        return row.build();
    }

    private static Struct copy(Struct struct, Schema schema) {
        Struct copy = new Struct(schema);
        for (Field field : schema.fields()) {
            copy.put(field, struct.get(field.name()));
        }
        return copy;
    }

    private static SinkRecord withRow(SinkRecord record, Struct row) {
        return record.newRecord(
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                row.schema(),
                row,
                record.timestamp(),
                record.headers());
    }
}
