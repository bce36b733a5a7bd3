package io.stocklake.bench.analytics;

import java.util.List;

/** The analytics' output topics for a benchmark: created once, shared by its runs, deleted at its end. */
record ResultTopics(String bars, String alerts, String deadLetters) {

    static ResultTopics named(String prefix) {
        return new ResultTopics(prefix + "-bars-1m", prefix + "-alerts", prefix + "-dlq");
    }

    List<String> all() {
        return List.of(bars, alerts, deadLetters);
    }
}
