package io.stocklake.sink.catalog.glue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Whether an existing table can hold the sink's files and records. Its layout must match the file format and
 * the partition path; its columns must keep their types. A record schema may add fields (appended as
 * columns) and may lack columns that are not marked required. CSV columns are matched by position, so there a
 * field must also keep its place.
 */
final class TableCompatibility {

    private TableCompatibility() {}

    /** {@link IncompatibleTableException} naming what differs when the layout cannot hold the files. */
    static void checkLayout(String qualifiedName, Table table, TableFormat format, List<String> partitionKeys) {
        StorageDescriptor sd = table.storageDescriptor();
        String serde =
                sd == null || sd.serdeInfo() == null ? null : sd.serdeInfo().serializationLibrary();
        if (!format.serde.equals(serde)) {
            throw new IncompatibleTableException("Glue table " + qualifiedName + " has SerDe " + serde
                    + " but the sink " + "writes format=" + format.classification + ", which needs " + format.serde);
        }
        String input = sd.inputFormat();
        if (!format.inputFormat.equals(input)) {
            throw new IncompatibleTableException("Glue table " + qualifiedName + " has InputFormat " + input
                    + " but format=" + format.classification + " needs " + format.inputFormat);
        }
        if (format == TableFormat.CSV) {
            Map<String, String> params = sd.serdeInfo().parameters();
            String delimiter = params == null ? null : params.get("field.delim");
            if (!",".equals(delimiter)) {
                throw new IncompatibleTableException("Glue table " + qualifiedName + " has field.delim "
                        + (delimiter == null ? "unset (\\u0001)" : "'" + delimiter + "'")
                        + " but the sink writes comma-separated files");
            }
        }
        List<String> keys =
                table.partitionKeys().stream().map(c -> lower(c.name())).toList();
        if (!keys.equals(partitionKeys)) {
            throw new IncompatibleTableException("Glue table " + qualifiedName + " is partitioned by " + keys
                    + " but the sink's path has the partition keys " + partitionKeys
                    + " (path.format and partition.fields)");
        }
    }

    /**
     * The columns to append so the table holds records of {@code wanted}; DataException naming the field when a
     * type changed, a required column is missing, or (CSV) a field moved.
     */
    static List<Column> columnsToAppend(String qualifiedName, Table table, List<Column> wanted, TableFormat format) {
        List<Column> existing = table.storageDescriptor().columns();
        Map<String, Column> byName = new HashMap<>();
        existing.forEach(c -> byName.put(lower(c.name()), c));
        Map<String, Column> wantedByName = new HashMap<>();
        wanted.forEach(c -> wantedByName.put(lower(c.name()), c));

        for (Column column : existing) {
            String name = lower(column.name());
            if (!wantedByName.containsKey(name) && required(column)) {
                throw new DataException("record schema lacks field " + name + ", a required column of Glue table "
                        + qualifiedName + " (removing a required field is an incompatible change)");
            }
        }
        List<Column> append = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Column field = wanted.get(i);
            String name = lower(field.name());
            Column column = byName.get(name);
            if (column == null) {
                if (format.positional() && i < existing.size()) {
                    throw new DataException("field " + name + " is at CSV position " + (i + 1) + " where Glue table "
                            + qualifiedName + " has column "
                            + lower(existing.get(i).name())
                            + "; CSV columns are read by position, so new fields may only be appended");
                }
                append.add(field);
            } else {
                if (!HiveTypes.normalized(column.type()).equals(HiveTypes.normalized(field.type()))) {
                    throw new DataException("field " + name + " is " + field.type() + " in the record schema but "
                            + column.type() + " in Glue table " + qualifiedName + " (type changes are incompatible)");
                }
                if (format.positional()
                        && (i >= existing.size()
                                || !lower(existing.get(i).name()).equals(name))) {
                    throw new DataException("field " + name + " is at CSV position " + (i + 1) + " but Glue table "
                            + qualifiedName + " has it at position " + (existing.indexOf(column) + 1)
                            + "; CSV columns are read by position");
                }
            }
        }
        return append;
    }

    private static boolean required(Column column) {
        return column.parameters() != null && "true".equals(column.parameters().get(HiveTypes.REQUIRED_PARAMETER));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
