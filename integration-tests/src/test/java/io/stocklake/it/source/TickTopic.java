package io.stocklake.it.source;

import static org.awaitility.Awaitility.await;

import io.stocklake.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** The ticks a topic holds, as a consumer with the reader's isolation level sees them. */
final class TickTopic {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final TopicReader reader;
    private final String topic;

    TickTopic(TopicReader reader, String topic) {
        this.reader = reader;
        this.topic = topic;
    }

    /** Every tick up to the topic's current end, in offset order. */
    List<Tick> ticks() {
        return reader.readAll(topic, READ_TIMEOUT).stream().map(Tick::from).toList();
    }

    /** Distinct (symbol, seq) seen so far; replayed copies count once. */
    long distinctTicks() {
        return ticks().stream().map(Tick::id).distinct().count();
    }

    /** Records up to the end offsets, control records of transactions included; cheap, for pacing decisions. */
    long endOffsetSum() {
        return reader.partitionCount(topic) == 0 ? 0 : reader.endOffsetSum(topic);
    }

    /** Waits until the topic holds {@code count} distinct ticks and returns all it holds. */
    List<Tick> awaitDistinct(long count, Duration timeout) {
        AtomicReference<List<Tick>> last = new AtomicReference<>(List.of());
        AtomicLong lastEnd = new AtomicLong();
        try {
            await("ticks in " + topic).atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                lastEnd.set(endOffsetSum());
                if (lastEnd.get() < count) {
                    return false;
                }
                last.set(ticks());
                return last.get().stream().map(Tick::id).distinct().count() >= count;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(topic + ": expected " + count + " distinct ticks within " + timeout + "; end offsets "
                    + lastEnd.get() + ", last read " + last.get().size() + " records, "
                    + last.get().stream().map(Tick::id).distinct().count() + " distinct", e);
        }
        return last.get();
    }

    /** Waits until the topic's end offsets reach {@code records}: the run is under way. */
    void awaitEndOffsetSum(long records, Duration timeout) {
        await("records in " + topic).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> endOffsetSum() >= records);
    }
}
