package io.stocklake.sink.config;

import java.util.Map;

/**
 * One concern's share of the sink's settings: its keys, validators and defaults (each named once), typed getters,
 * and the checks across its keys. It reads parsed values: a whole configuration at a task's start, or the values a
 * validation accepted, where a refused key is absent and the checks that need it wait until it is fixed.
 */
abstract class ConfigFragment {

    private final Map<String, ?> values;

    ConfigFragment(Map<String, ?> values) {
        this.values = values;
    }

    /** The parsed value of one of the sink's keys. */
    @SuppressWarnings("unchecked")
    final <T> T value(String key) {
        return (T) values.get(key);
    }

    /** Whether all these keys hold accepted values, so a check across them can read them. */
    final boolean accepted(String... keys) {
        for (String key : keys) {
            if (!values.containsKey(key)) {
                return false;
            }
        }
        return true;
    }
}
