package io.stocklake.bench.workload;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A topic filled once, before anything is measured, by the stock tick source on the simulated clock: ticks as
 * the shipped converters of a {@link RecordShape} write them, event time in the record timestamp.
 */
public final class PrefilledTopic {

    private static final Duration FILL_TIMEOUT = Duration.ofMinutes(15);

    private PrefilledTopic() {}

    /** {@code ticks} ticks of the source's default universe into a new one-partition topic, the schema in each. */
    public static void fill(PipelineStack stack, String topic, long ticks) {
        fill(stack, topic, ticks, RecordShape.EMBEDDED_SCHEMA);
    }

    /** As {@link #fill(PipelineStack, String, long)}, in the given shape. */
    public static void fill(PipelineStack stack, String topic, long ticks, RecordShape shape) {
        fill(stack, topic, ticks, shape, Map.of());
    }

    /** As {@link #fill(PipelineStack, String, long, RecordShape)}, with source settings added or replaced. */
    public static void fill(
            PipelineStack stack, String topic, long ticks, RecordShape shape, Map<String, String> sourceSettings) {
        stack.broker().createTopic(topic, 1);
        String connector = UniqueNames.of(topic + "-source");
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        source.put("tasks.max", "1");
        source.put("topic", topic);
        source.put("clock", "simulated");
        source.put("simulated.acceleration", "0");
        source.put("max.ticks", String.valueOf(ticks));
        source.putAll(shape.sourceConverters());
        source.putAll(sourceSettings);
        stack.connect().rest().putConnector(connector, source);
        try {
            TopicReader reader = TopicReader.readUncommitted(stack.broker().bootstrapServers());
            Instant deadline = Instant.now().plus(FILL_TIMEOUT);
            while (reader.endOffsetSum(topic) < ticks) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            topic + " not filled with " + ticks + " ticks within " + FILL_TIMEOUT);
                }
                Pause.millis(500);
            }
        } finally {
            stack.connect().rest().deleteConnector(connector);
        }
    }
}
