package io.stocklake.bench.workload;

import io.stocklake.testing.PipelineStack;
import io.stocklake.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A topic filled once, before anything is measured, by the stock tick source on the simulated clock: ticks as
 * the shipped converters write them (string keys, JSON values with schemas), event time in the record timestamp.
 */
public final class PrefilledTopic {

    private static final Duration FILL_TIMEOUT = Duration.ofMinutes(15);

    private PrefilledTopic() {
    }

    /** {@code ticks} ticks of the source's default universe into a new one-partition topic. */
    public static void fill(PipelineStack stack, String topic, long ticks) {
        fill(stack, topic, ticks, Map.of());
    }

    /** As {@link #fill(PipelineStack, String, long)}, with source settings added or replaced. */
    public static void fill(PipelineStack stack, String topic, long ticks, Map<String, String> sourceSettings) {
        stack.broker().createTopic(topic, 1);
        String connector = topic + "-source";
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        source.put("tasks.max", "1");
        source.put("topic", topic);
        source.put("clock", "simulated");
        source.put("simulated.acceleration", "0");
        source.put("max.ticks", String.valueOf(ticks));
        source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        source.put("value.converter.schemas.enable", "true");
        source.putAll(sourceSettings);
        stack.connect().rest().putConnector(connector, source);
        try {
            TopicReader reader = TopicReader.readUncommitted(stack.broker().bootstrapServers());
            Instant deadline = Instant.now().plus(FILL_TIMEOUT);
            while (reader.endOffsetSum(topic) < ticks) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(topic + " not filled with " + ticks + " ticks within " + FILL_TIMEOUT);
                }
                Pause.millis(500);
            }
        } finally {
            stack.connect().rest().deleteConnector(connector);
        }
    }
}
