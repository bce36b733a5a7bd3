package io.stocklake.compaction.swap;

import static io.stocklake.compaction.swap.MemoryLake.LAYOUT;
import static io.stocklake.compaction.swap.MemoryLake.PARTITION;
import static io.stocklake.compaction.swap.MemoryLake.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.commit.GenerationCopies;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compactor killed at every single operation of a compaction (the first, or the second one folding late
 * records), then a successor: at every moment a query reads each record exactly once, and once the successor is
 * done and the grace has passed, the partition holds exactly the current generation and its state.
 */
class CrashRecoveryTest {

    /** More than a compaction takes: the last ones run to the end without a crash. */
    private static final int OPERATIONS = 40;

    static IntStream crashPoints() {
        return IntStream.range(0, OPERATIONS);
    }

    @ParameterizedTest(name = "killed at operation {0} of the first compaction")
    @MethodSource("crashPoints")
    void firstCompaction(int crashAt) {
        MemoryLake lake = new MemoryLake();
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFile(20, 10);
        runKilledThenRecover(lake, crashAt, 30);
    }

    @ParameterizedTest(name = "killed at operation {0} of a compaction folding late records")
    @MethodSource("crashPoints")
    void laterGeneration(int crashAt) {
        MemoryLake lake = new MemoryLake();
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.compactor("earlier").compact(PARTITION);
        lake.sinkFile(20, 5);
        lake.sinkFile(25, 5);
        // The late files are visible only once folded in: a query sees the generation's records until the swap.
        runKilledThenRecover(lake, crashAt, 30);
    }

    @ParameterizedTest(name = "killed at operation {0} of a compaction carrying a file not landed")
    @MethodSource("crashPoints")
    void carryingAFileNotLanded(int crashAt) {
        MemoryLake lake = new MemoryLake();
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.compactor("earlier").compact(PARTITION);
        lake.sinkFile(20, 5);
        String key = lake.sinkFileInFlight(25, 5);
        new GenerationCopies(lake.store, LAYOUT).publish(PARTITION.destination(), key);
        // Readers see the copy of the file not landed already: it must stay readable through every step.
        runKilledThenRecover(lake, crashAt, 30, () -> lake.land(30));
    }

    private static void runKilledThenRecover(MemoryLake lake, int crashAt, int records) {
        runKilledThenRecover(lake, crashAt, records, () -> {});
    }

    private static void runKilledThenRecover(MemoryLake lake, int crashAt, int records, Runnable beforeSuccessor) {
        List<String> before = lake.view();
        List<String> all = offsets(0, records);
        List<String> sortedBefore = before.stream().sorted().toList();
        lake.afterChange =
                () -> assertThat(lake.view().stream().sorted().toList()).isIn(sortedBefore, all);
        lake.crashAt = lake.operations.get() + crashAt;
        try {
            lake.compactor("killed").compact(PARTITION);
        } catch (MemoryLake.Crash expected) {
            // The process died here.
        }
        lake.crashAt = -1;
        beforeSuccessor.run();
        lake.clock.advance(Duration.ofMinutes(16));
        Compactor successor = lake.compactor("successor");
        for (int pass = 0; pass < 3; pass++) {
            successor.compact(PARTITION);
        }
        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(all);
        lake.clock.advance(Duration.ofMinutes(31));
        successor.compact(PARTITION);
        successor.compact(PARTITION);

        String base = LAYOUT.partitionLocation(PARTITION.destination());
        String location = lake.locations.get(PARTITION).substring(("s3://" + LAYOUT.bucket() + "/").length());
        assertThat(lake.objects.keySet())
                .filteredOn(k -> k.startsWith(base))
                .allMatch(k -> k.startsWith(location) || k.equals(base + "_compacted/state.json"));
        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(all);
    }
}
