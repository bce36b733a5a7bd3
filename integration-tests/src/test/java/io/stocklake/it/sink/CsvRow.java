package io.stocklake.it.sink;

import java.time.Instant;
import org.apache.commons.csv.CSVRecord;

/** A CSV row read with commons-csv by header name; an empty field is null. */
record CsvRow(CSVRecord record) implements LakeRow {

    @Override
    public String text(String field) {
        String value = record.get(field);
        return value.isEmpty() ? null : value;
    }

    @Override
    public long int64(String field) {
        return Long.parseLong(record.get(field));
    }

    @Override
    public double float64(String field) {
        return Double.parseDouble(record.get(field));
    }

    @Override
    public boolean bool(String field) {
        String value = record.get(field);
        if (!value.equals("true") && !value.equals("false")) {
            throw new AssertionError(field + " is not true/false: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public Instant timestamp(String field) {
        return HiveTimestamps.parse(record.get(field));
    }
}
