package io.stocklake.glue.endpoint.expression;

/** A table's partition column as its {@code PartitionKeys} entry declares it: name and Hive type name. */
public record PartitionKey(String name, String type) {}
