package io.stocklake.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stocklake.it.source.Tick.TickId;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectWorker;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run that is interrupted and resumed from its committed offsets writes the same ticks as one that never
 * stopped. Without exactly-once, a crash may repeat the ticks written after the last offset commit: each
 * repeat must be an identical copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockTickSourceResumeIT {

    static final PipelineStack stack = PipelineStack.builder().workers(2).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static final long SEED = 21;
    private static final long MAX_TICKS = 4_000;
    /** 20 ticks per trading second, 20 trading seconds per wall second: the paced run takes about 10 s. */
    private static final double TICKS_PER_SECOND = 20;

    private static final double ACCELERATION = 20;

    private Map<TickId, Tick> uninterrupted;

    @BeforeAll
    void runOnceUninterrupted() {
        // Unpaced: event times come from the model, so pacing must not change a single tick.
        rest().putConnector(
                        "uninterrupted", SourceConfigs.paced("uninterrupted", SEED, MAX_TICKS, TICKS_PER_SECOND, 0));
        new CommittedProgress(rest(), "uninterrupted").awaitTicks(MAX_TICKS, Duration.ofSeconds(120));
        List<Tick> ticks = topic("uninterrupted").ticks();
        rest().deleteConnector("uninterrupted");

        assertThat(ticks).hasSize((int) MAX_TICKS);
        uninterrupted = ticks.stream().collect(Collectors.toMap(Tick::id, Function.identity()));
    }

    @Test
    void runWhoseWorkerIsKilledMidRunEndsWithTheUninterruptedTicks() {
        String name = "killed-worker";
        startPacedRun(name);

        ConnectWorker victim = workerRunningTask(name);
        victim.kill();
        long writtenBeforeKill = topic(name).endOffsetSum();
        victim.start();
        new CommittedProgress(rest(), name).awaitTicks(MAX_TICKS, Duration.ofSeconds(180));
        List<Tick> ticks = topic(name).ticks();
        rest().awaitRunning(name, 1, Duration.ofSeconds(60));
        rest().deleteConnector(name);

        assertThat(writtenBeforeKill).as("records written before the kill").isBetween(1L, MAX_TICKS - 1);
        assertSameTicksAsUninterrupted(ticks);
    }

    @Test
    void runStoppedAndResumedThroughRestEndsWithTheUninterruptedTicks() {
        String name = "stopped-and-resumed";
        startPacedRun(name);

        rest().stopConnector(name);
        await("connector stopped")
                .atMost(Duration.ofSeconds(30))
                .until(() -> "STOPPED".equals(rest().status(name).state())
                        && rest().status(name).tasks().isEmpty());
        long writtenWhileRunning = topic(name).endOffsetSum();
        rest().resume(name);
        new CommittedProgress(rest(), name).awaitTicks(MAX_TICKS, Duration.ofSeconds(120));
        List<Tick> ticks = topic(name).ticks();
        rest().deleteConnector(name);

        assertThat(writtenWhileRunning).as("records written before the stop").isBetween(1L, MAX_TICKS - 1);
        assertSameTicksAsUninterrupted(ticks);
    }

    /** Starts the paced run and returns once a tenth of it is written, seconds before its end. */
    private void startPacedRun(String name) {
        rest().putConnector(name, SourceConfigs.paced(name, SEED, MAX_TICKS, TICKS_PER_SECOND, ACCELERATION));
        rest().awaitRunning(name, 1, Duration.ofSeconds(60));
        topic(name).awaitEndOffsetSum(MAX_TICKS / 10, Duration.ofSeconds(60));
    }

    private void assertSameTicksAsUninterrupted(List<Tick> ticks) {
        assertThat(ticks.stream().map(Tick::id).collect(Collectors.toSet())).isEqualTo(uninterrupted.keySet());
        assertThat(ticks).allSatisfy(t -> assertThat(t).isEqualTo(uninterrupted.get(t.id())));
    }

    private static ConnectWorker workerRunningTask(String connector) {
        String workerId = rest().status(connector).tasks().get(0).workerId();
        return stack.connect().workers().stream()
                .filter(w -> w.workerId().equals(workerId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No worker " + workerId + " runs " + connector));
    }

    private static ConnectRest rest() {
        return stack.connect().rest();
    }

    private static TickTopic topic(String name) {
        return new TickTopic(TopicReader.readUncommitted(stack.broker().bootstrapServers()), name);
    }
}
