package io.stocklake.glue.endpoint.protocol;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests received per served action, whatever the answer: a call refused by an injected fault or a failed
 * signature check is counted too, since the client made it. Lets a test see what a client in another process
 * called, SDK retries included.
 */
public final class RequestCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(String operation) {
        counts.computeIfAbsent(operation, name -> new LongAdder()).increment();
    }

    /** Action name to requests since the start or the last {@link #reset()}, sorted; actions not called are absent. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> {
            long value = count.sum();
            if (value > 0) {
                snapshot.put(operation, value);
            }
        });
        return snapshot;
    }

    /** Starts counting from zero; requests in flight may land on either side. */
    public void reset() {
        counts.values().forEach(LongAdder::reset);
    }
}
