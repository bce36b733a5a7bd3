package io.stocklake.it.source;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.stack.ConnectRest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How far a run has got by its committed source offsets ({@code GET /connectors/{name}/offsets}): each symbol's
 * offset holds the seq of its last tick written, so their sum is the number of distinct ticks in the topic. One
 * cheap REST call instead of reading the whole topic again and again.
 */
final class CommittedProgress {

    private final ConnectRest rest;
    private final String connector;

    CommittedProgress(ConnectRest rest, String connector) {
        this.rest = rest;
        this.connector = connector;
    }

    long ticks() {
        long sum = 0;
        for (JsonNode entry : rest.offsets(connector).path("offsets")) {
            sum += entry.path("offset").path("seq").asLong();
        }
        return sum;
    }

    /** Waits until the committed offsets account for {@code expected} ticks: the run is complete. */
    void awaitTicks(long expected, Duration timeout) {
        AtomicLong last = new AtomicLong();
        try {
            await(connector + " committed offsets")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(ticks());
                        return last.get() >= expected;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    connector + ": committed offsets account for " + last.get() + " of " + expected + " ticks after "
                            + timeout + "; status " + rest.status(connector),
                    e);
        }
    }
}
