package io.stocklake.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.testing.ConnectRest;
import io.stocklake.testing.ConnectWorker;
import io.stocklake.testing.PipelineStack;
import io.stocklake.testing.TopicReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once delivery (KIP-618) across a worker crash: the task's transactions that were open when its worker
 * was killed are aborted, it resumes on the offsets committed with the last transaction, and a read_committed
 * consumer sees every tick once.
 */
class StockTickSourceExactlyOnceIT {

    @RegisterExtension
    static final PipelineStack stack = PipelineStack.builder().workers(2)
            .workerConfig("exactly.once.source.support", "enabled")
            .build();

    private static final long MAX_TICKS = 4_000;
    private static final String TASK_STARTED = "Task 1 of 1 owns 20 symbols";

    @Test
    void workerKilledMidRunLeavesEveryTickCommittedExactlyOnceInOrderPerSymbol() {
        String name = "exactly-once";
        Map<String, String> config = SourceConfigs.paced(name, 31, MAX_TICKS, 20, 20);
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "poll");
        TickTopic committed = new TickTopic(TopicReader.readCommitted(stack.broker().bootstrapServers()), name);

        createTopic(name);
        rest().putConnector(name, config);
        rest().awaitRunning(name, 1, Duration.ofSeconds(60));
        committed.awaitEndOffsetSum(MAX_TICKS / 10, Duration.ofSeconds(60));
        ConnectWorker victim = workerRunningTask(name);
        LocalDateTime killedAt = LocalDateTime.now();
        victim.kill();
        long committedBeforeKill = committed.ticks().size();
        victim.start();
        new CommittedProgress(rest(), name).awaitTicks(MAX_TICKS, Duration.ofSeconds(180));
        List<Tick> ticks = committed.ticks();
        rest().awaitRunning(name, 1, Duration.ofSeconds(60));

        assertThat(committedBeforeKill).as("ticks committed before the kill").isBetween(1L, MAX_TICKS - 1);
        assertThat(new WorkerLog(victim.logFile()).timesOf(TASK_STARTED)).as("task started before the kill")
                .anyMatch(t -> t.isBefore(killedAt));
        assertThat(stack.connect().workers().stream().flatMap(w -> new WorkerLog(w.logFile()).timesOf(TASK_STARTED).stream()))
                .as("task restarted after the kill").anyMatch(t -> t.isAfter(killedAt));
        assertThat(ticks).as(() -> missing(ticks, name)).hasSize((int) MAX_TICKS);
        Map<String, List<Long>> seqBySymbol = ticks.stream().collect(Collectors.groupingBy(Tick::symbol,
                LinkedHashMap::new, Collectors.mapping(Tick::seq, Collectors.toList())));
        assertThat(seqBySymbol).hasSize(20);
        seqBySymbol.forEach((symbol, seqs) -> assertThat(seqs).as(symbol)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
    }

    /**
     * Pre-created so that this test isolates the crash: a loss of the first few ticks was once reported when the
     * broker auto-created the topic during the task's first transaction, but was not reproduced in three later runs
     * (this test without this call, 4,000 of 4,000 exact; two 2,000-tick runs, exact). Users get the topic created by
     * Connect, as {@link StockTickSourceTopicCreationIT} tests.
     */
    private static void createTopic(String topic) {
        try (Admin admin = stack.broker().admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
    }

    /** For a failure message: which ticks a read_committed consumer misses, and whether the raw log has them. */
    private static String missing(List<Tick> committed, String topic) {
        Set<Tick.TickId> seen = committed.stream().map(Tick::id).collect(Collectors.toSet());
        List<Tick> raw = new TickTopic(TopicReader.readUncommitted(stack.broker().bootstrapServers()), topic).ticks();
        List<String> absent = raw.stream().filter(t -> !seen.contains(t.id())).map(t -> t.id().toString()).distinct().toList();
        return "committed " + committed.size() + ", raw log " + raw.size() + " records; in the raw log but not committed: "
                + absent;
    }

    private static ConnectWorker workerRunningTask(String connector) {
        String workerId = rest().status(connector).tasks().get(0).workerId();
        return stack.connect().workers().stream().filter(w -> w.workerId().equals(workerId)).findFirst()
                .orElseThrow(() -> new AssertionError("No worker " + workerId + " runs " + connector));
    }

    private static ConnectRest rest() {
        return stack.connect().rest();
    }
}
