package io.stocklake.sink.config;

/** What to do with records whose value is null ({@code behavior.on.null.values}). */
public enum NullValueBehavior implements ConfigName {
    IGNORE,
    FAIL,
    /** A row of the tombstone's key and coordinates (the metadata columns), its value columns NULL. */
    WRITE
}
