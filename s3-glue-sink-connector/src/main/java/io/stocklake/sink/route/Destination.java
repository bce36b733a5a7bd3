package io.stocklake.sink.route;

/** Where a record goes: its table and the partition inside it. */
public record Destination(String table, PartitionPath partition) {}
