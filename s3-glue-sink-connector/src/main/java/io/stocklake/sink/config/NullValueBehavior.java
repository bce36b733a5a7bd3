package io.stocklake.sink.config;

/** What to do with records whose value is null ({@code behavior.on.null.values}). */
public enum NullValueBehavior implements ConfigName {
    IGNORE,
    FAIL
}
