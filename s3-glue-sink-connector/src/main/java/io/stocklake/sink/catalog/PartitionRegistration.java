package io.stocklake.sink.catalog;

import java.util.List;

/** One partition to make visible: its values in key order and its {@code s3://} folder. */
public record PartitionRegistration(TableRef table, List<String> values, String location) {

    public PartitionRegistration {
        values = List.copyOf(values);
    }
}
