package io.stocklake.sink.config;

/**
 * The Kafka metadata a row may carry beside the value ({@code kafka.metadata.columns}), each as a lower-case column
 * with an Athena type: names that never need quoting in SQL and cannot be mistaken for value fields.
 */
public enum MetadataColumn implements ConfigName {
    /** The record's topic: {@code kafka_topic string}. */
    TOPIC("kafka_topic"),
    /** Its Kafka partition: {@code kafka_partition int}. */
    PARTITION("kafka_partition"),
    /** Its offset in that partition: {@code kafka_offset bigint}. */
    OFFSET("kafka_offset"),
    /** The record timestamp: {@code kafka_timestamp timestamp}, NULL when the record has none. */
    TIMESTAMP("kafka_timestamp"),
    /** The key as text: {@code kafka_key string}. */
    KEY("kafka_key"),
    /** The headers, name to text: {@code kafka_headers map<string,string>}. */
    HEADERS("kafka_headers");

    private final String columnName;

    MetadataColumn(String columnName) {
        this.columnName = columnName;
    }

    /** The column's name in the files and the Glue table. */
    public String columnName() {
        return columnName;
    }
}
