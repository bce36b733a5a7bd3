package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.config.Compression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** The Glue inputs the sink sends: a new table, an existing table with more columns, a partition of a table. */
final class TableInputs {

    /** Null when partition projection is off. */
    private final PartitionProjection projection;

    TableInputs(PartitionProjection projection) {
        this.projection = projection;
    }

    /** An EXTERNAL_TABLE over the definition's location: columns from the schema, string partition keys. */
    TableInput create(String name, TableDefinition definition, TableFormat format, List<Column> columns) {
        Map<String, String> parameters = new LinkedHashMap<>(format.tableParameters(definition.compression()));
        if (projection != null) {
            parameters.putAll(projection.parameters(definition.location(), definition.partitionKeys()));
        }
        return TableInput.builder()
                .name(name)
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .partitionKeys(definition.partitionKeys().stream()
                        .map(key -> Column.builder().name(key).type("string").build())
                        .toList())
                .storageDescriptor(StorageDescriptor.builder()
                        .columns(columns)
                        .location(definition.location())
                        .inputFormat(format.inputFormat)
                        .outputFormat(format.outputFormat)
                        .compressed(definition.compression() != Compression.NONE)
                        .serdeInfo(SerDeInfo.builder()
                                .serializationLibrary(format.serde)
                                .parameters(format.serdeParameters)
                                .build())
                        .build())
                .build();
    }

    /** The existing table as it is, with {@code appended} after its columns. */
    static TableInput withColumns(Table table, List<Column> appended) {
        StorageDescriptor sd = table.storageDescriptor();
        List<Column> columns = new ArrayList<>(sd.columns());
        columns.addAll(appended);
        return TableInput.builder()
                .name(table.name())
                .description(table.description())
                .owner(table.owner())
                .retention(table.retention())
                .storageDescriptor(sd.toBuilder().columns(columns).build())
                .partitionKeys(table.partitionKeys())
                .viewOriginalText(table.viewOriginalText())
                .viewExpandedText(table.viewExpandedText())
                .tableType(table.tableType())
                .parameters(table.parameters())
                .targetTable(table.targetTable())
                .build();
    }

    /** A partition at {@code location} read as the table reads its files. */
    static PartitionInput partition(Table table, List<String> values, String location) {
        return PartitionInput.builder()
                .values(values)
                .storageDescriptor(
                        table.storageDescriptor().toBuilder().location(location).build())
                .build();
    }
}
