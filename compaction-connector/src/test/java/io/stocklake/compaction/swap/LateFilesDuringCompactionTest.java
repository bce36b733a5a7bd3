package io.stocklake.compaction.swap;

import static io.stocklake.compaction.swap.MemoryLake.PARTITION;
import static io.stocklake.compaction.swap.MemoryLake.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.commit.GenerationCopies;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sink adds a file to a compacted partition while a compaction of it runs: its upload and copy where readers
 * look happen at every single operation of the compaction, or the whole compaction happens at every single operation
 * of the sink's copying. At every moment a query reads no record twice; once the sink's copying is done (the point
 * after which its batch may land and commit), the file's records are read, at every later moment too.
 */
class LateFilesDuringCompactionTest {

    private static final int OPERATIONS = 40;

    static IntStream points() {
        return IntStream.range(0, OPERATIONS);
    }

    @ParameterizedTest(name = "the sink adds a landed file at operation {0} of the compaction")
    @MethodSource("points")
    void landedFileDuringACompaction(int at) {
        MemoryLake lake = compactedLakeWithALateFile();
        boolean[] published = new boolean[1];
        watch(lake, published);
        lake.atOperation.put(lake.operations.get() + at, () -> {
            lake.sinkFile(25, 5);
            published[0] = true;
        });

        lake.compactor("a").compact(PARTITION);
        lake.atOperation.clear();
        if (!published[0]) {
            lake.sinkFile(25, 5);
            published[0] = true;
        }

        settle(lake);
    }

    @ParameterizedTest(name = "the sink adds a file not landed at operation {0} of the compaction")
    @MethodSource("points")
    void fileNotLandedDuringACompaction(int at) {
        MemoryLake lake = compactedLakeWithALateFile();
        boolean[] published = new boolean[1];
        watch(lake, published);
        Runnable sink = () -> {
            String key = lake.sinkFileInFlight(25, 5);
            new GenerationCopies(lake.store, MemoryLake.LAYOUT).publish(PARTITION.destination(), key);
            published[0] = true;
        };
        lake.atOperation.put(lake.operations.get() + at, sink);

        lake.compactor("a").compact(PARTITION);
        lake.atOperation.clear();
        if (!published[0]) {
            sink.run();
        }
        lake.land(30);

        settle(lake);
    }

    @ParameterizedTest(name = "a compaction runs at operation {0} of the sink's copying")
    @MethodSource("points")
    void compactionDuringTheSinksCopying(int at) {
        MemoryLake lake = compactedLakeWithALateFile();
        boolean[] published = new boolean[1];
        watch(lake, published);
        String key = lake.sinkFileInFlight(25, 5);
        lake.atOperation.put(
                lake.operations.get() + at, () -> lake.compactor("a").compact(PARTITION));

        new GenerationCopies(lake.store, MemoryLake.LAYOUT).publish(PARTITION.destination(), key);
        published[0] = true;
        lake.atOperation.clear();
        lake.land(30);

        settle(lake);
    }

    /** A partition compacted once, with one landed file added since, not folded yet. */
    private static MemoryLake compactedLakeWithALateFile() {
        MemoryLake lake = new MemoryLake();
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.compactor("earlier").compact(PARTITION);
        lake.sinkFile(20, 5);
        return lake;
    }

    private static void watch(MemoryLake lake, boolean[] published) {
        lake.afterChange = () -> {
            assertThat(lake.view()).doesNotHaveDuplicates();
            assertThat(lake.view()).containsAll(offsets(0, published[0] ? 30 : 25));
        };
    }

    /** Later passes fold everything and, after the grace, leave only the current generation. */
    private static void settle(MemoryLake lake) {
        Compactor later = lake.compactor("later");
        later.compact(PARTITION);
        lake.clock.advance(Duration.ofMinutes(31));
        later.compact(PARTITION);
        later.compact(PARTITION);
        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 30));
        String base = MemoryLake.LAYOUT.partitionLocation(PARTITION.destination());
        String location = lake.locations.get(PARTITION).substring(("s3://lake/").length());
        assertThat(lake.objects.keySet())
                .filteredOn(k -> k.startsWith(base))
                .allMatch(k -> k.startsWith(location) || k.equals(base + "_compacted/state.json"));
    }
}
