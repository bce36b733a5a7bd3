package io.stocklake.sink.config;

import java.util.Locale;

/** What to do with records whose value is null ({@code behavior.on.null.values}). */
public enum NullValueBehavior {
    IGNORE,
    FAIL;

    public static NullValueBehavior parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
