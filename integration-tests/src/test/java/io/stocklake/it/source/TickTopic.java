package io.stocklake.it.source;

import static org.awaitility.Awaitility.await;

import io.stocklake.stack.TopicReader;
import java.time.Duration;
import java.util.List;

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

    /** Records up to the end offsets, control records of transactions included; cheap, for pacing decisions. */
    long endOffsetSum() {
        return reader.partitionCount(topic) == 0 ? 0 : reader.endOffsetSum(topic);
    }

    /** Waits until the topic's end offsets reach {@code records}: the run is under way. */
    void awaitEndOffsetSum(long records, Duration timeout) {
        await("records in " + topic)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> endOffsetSum() >= records);
    }
}
