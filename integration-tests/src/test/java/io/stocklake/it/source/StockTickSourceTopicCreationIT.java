package io.stocklake.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once (KIP-618) the way the shipped configuration runs it: the topic does not exist beforehand and
 * Connect creates it from the connector's {@code topic.creation.default.*} keys (KIP-158) before the task's
 * first transaction, rather than the broker auto-creating it on the first send.
 */
class StockTickSourceTopicCreationIT {

    static final PipelineStack stack = PipelineStack.builder()
            .workers(1)
            .withoutS3()
            .workerConfig("exactly.once.source.support", "enabled")
            .build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    /** The connector configuration shipped with the plugin; the broker's default is 1 partition. */
    private static final Path SHIPPED_CONFIG =
            Path.of(System.getProperty("stocklake.connect.configs"), "stock-ticks-source.json");

    private static final long MAX_TICKS = 2_000;

    @Test
    void topicCreatedByConnectFromTheShippedConfigGetsEveryTickCommittedExactlyOnceInOrderPerSymbol() {
        String name = "connect-created";
        Map<String, String> config = SourceConfigs.paced(name, 31, MAX_TICKS, 20, 20);
        config.put("symbols", "AAPL,MSFT,NVDA,AMZN");
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "poll");
        config.putAll(shippedTopicCreation());
        TickTopic committed =
                new TickTopic(TopicReader.readCommitted(stack.broker().bootstrapServers()), name);

        rest().putConnector(name, config);
        rest().awaitRunning(name, 1, Duration.ofSeconds(60));
        new CommittedProgress(rest(), name).awaitTicks(MAX_TICKS, Duration.ofSeconds(120));
        List<Tick> ticks = committed.ticks();

        assertThat(TopicReader.readCommitted(stack.broker().bootstrapServers()).partitionCount(name))
                .as("partitions of the topic Connect created")
                .isEqualTo(3);
        assertThat(ticks).hasSize((int) MAX_TICKS);
        Map<String, List<Long>> seqBySymbol = ticks.stream()
                .collect(Collectors.groupingBy(
                        Tick::symbol, LinkedHashMap::new, Collectors.mapping(Tick::seq, Collectors.toList())));
        assertThat(seqBySymbol).containsOnlyKeys("AAPL", "MSFT", "NVDA", "AMZN");
        seqBySymbol.forEach((symbol, seqs) -> assertThat(seqs)
                .as(symbol)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
    }

    private static Map<String, String> shippedTopicCreation() {
        try {
            JsonNode shipped =
                    new ObjectMapper().readTree(SHIPPED_CONFIG.toFile()).path("config");
            Map<String, String> keys = new LinkedHashMap<>();
            shipped.properties().forEach(e -> {
                if (e.getKey().startsWith("topic.creation.")) {
                    keys.put(e.getKey(), e.getValue().asText());
                }
            });
            assertThat(keys).as("topic.creation keys in " + SHIPPED_CONFIG).isNotEmpty();
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + SHIPPED_CONFIG, e);
        }
    }

    private static ConnectRest rest() {
        return stack.connect().rest();
    }
}
