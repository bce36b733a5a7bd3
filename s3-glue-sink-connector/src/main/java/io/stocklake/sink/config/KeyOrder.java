package io.stocklake.sink.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the keys of each group in the order they are defined, as Connect and the README list them. A group
 * is where a user looks for a key; a fragment is the code that owns it, and a few keys (those of the errors
 * fragment) sit in the group of the setting they sit beside.
 */
final class KeyOrder {

    private final Map<String, Integer> last = new HashMap<>();

    int next(String group) {
        return last.merge(group, 1, Integer::sum);
    }
}
