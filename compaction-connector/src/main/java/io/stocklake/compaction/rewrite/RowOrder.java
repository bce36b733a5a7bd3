package io.stocklake.compaction.rewrite;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** The order rows are written in: by the sort columns, nulls first, so row-group statistics prune well. */
final class RowOrder {

    private RowOrder() {}

    /** IllegalArgumentException naming a sort column the table does not have. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Struct> of(Schema schema, List<String> columns) {
        Comparator<Struct> order = (a, b) -> 0;
        for (String column : columns) {
            String name = column.trim().toLowerCase(Locale.ROOT);
            if (schema.field(name) == null) {
                throw new IllegalArgumentException(
                        "sort column " + column + " is not a column of table " + schema.name());
            }
            Comparator<Struct> byColumn = Comparator.comparing(
                    row -> (Comparable) row.get(name), Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order.thenComparing(byColumn);
        }
        return order;
    }
}
