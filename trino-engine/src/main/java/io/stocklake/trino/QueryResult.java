package io.stocklake.trino;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What a query answered, as plain Java values: {@code VARCHAR} as String, {@code BIGINT} as Long, {@code DOUBLE} as
 * Double, {@code DECIMAL} as BigDecimal, {@code DATE} as LocalDate, {@code TIMESTAMP} as LocalDateTime, SQL NULL as
 * null. Also how many rows and bytes the query read from storage, to tell what partition pruning left to read and
 * what Athena would bill ("data scanned").
 *
 * @param columns the column names, in order
 * @param rows each row's values, in column order (null for SQL NULL)
 * @param inputRows rows the query read from its tables' files (Trino's physical input positions)
 * @param inputBytes bytes the query read from its tables' files, as stored (compressed), Trino's physical input
 *     data size
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, long inputRows, long inputBytes) {

    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " values for " + columns.size() + " columns");
            }
            // List.copyOf refuses nulls, and SQL NULLs are values here.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** The single value of a one-row, one-column answer, such as {@code SELECT count(*)}. */
    public Object onlyValue() {
        if (rows.size() != 1 || columns.size() != 1) {
            throw new IllegalStateException(
                    "expected one row of one column, got " + rows.size() + " rows of " + columns.size() + " columns");
        }
        return rows.get(0).get(0);
    }

    /** The values of one column, in row order. */
    public List<Object> column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new NoSuchElementException("no column " + name + " in " + columns);
        }
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(row.get(index));
        }
        return Collections.unmodifiableList(values);
    }

    /** The first column's values, in row order: what {@code SHOW TABLES} and the like answer. */
    public List<Object> firstColumn() {
        return column(columns.get(0));
    }

    @Override
    public String toString() {
        return "QueryResult" + columns + rows.stream().map(Objects::toString).toList() + " (read " + inputRows
                + " rows, " + inputBytes + " bytes)";
    }
}
