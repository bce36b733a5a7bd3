package io.stocklake.compaction.run;

import io.stocklake.compaction.swap.Outcome;
import java.util.EnumMap;
import java.util.Map;

/** What one pass over a task's share did: partitions by outcome, and the failures. */
public final class PassReport {

    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private int failed;
    private String lastError;

    void add(Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    void failed(String error) {
        failed++;
        lastError = error;
    }

    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    public int failed() {
        return failed;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return outcomes + (failed == 0 ? "" : ", " + failed + " failed, last: " + lastError);
    }
}
