package io.stocklake.sink.config;

/** Where a record's partition time comes from ({@code partition.time.source}). */
public enum TimeSource implements ConfigName {
    /** A field of the record value ({@code partition.time.field}). */
    FIELD,
    /** The Kafka record timestamp. */
    RECORD,
    /** The worker's clock when the record is written; not reproducible on replay. */
    WALLCLOCK
}
