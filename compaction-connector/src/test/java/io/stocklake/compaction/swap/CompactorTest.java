package io.stocklake.compaction.swap;

import static io.stocklake.compaction.swap.MemoryLake.LAYOUT;
import static io.stocklake.compaction.swap.MemoryLake.PARTITION;
import static io.stocklake.compaction.swap.MemoryLake.offsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.compaction.state.CompactionState;
import io.stocklake.compaction.state.StateStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactorTest {

    private final MemoryLake lake = new MemoryLake();
    private final String base = LAYOUT.partitionLocation(PARTITION.destination());

    @Test
    void compactionPointsThePartitionAtANewGenerationHoldingEveryRecordOnce() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFile(20, 5);

        assertThat(lake.compactor("a").compact(PARTITION)).isEqualTo(Outcome.COMPACTED);

        assertThat(lake.locations.get(PARTITION)).startsWith(LAYOUT.uri(base + "_compacted/g000001-"));
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 25));
        assertThat(state().generation()).isEqualTo(1);
        assertThat(state().folded()).hasSize(3);
    }

    @Test
    void replacedFilesStayUntilTheRetentionGraceHasPassed() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);

        lake.clock.advance(Duration.ofMinutes(29));
        assertThat(compactor.compact(PARTITION)).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(lake.objects).containsKey(base + "ticks+0+00000000000000000000.parquet");

        lake.clock.advance(Duration.ofMinutes(2));
        compactor.compact(PARTITION);
        assertThat(lake.objects.keySet()).noneMatch(k -> k.startsWith(base + "ticks+"));
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 20));
    }

    @Test
    void aPartitionWithFewerFilesThanTheMinimumIsLeftAlone() {
        lake.register();
        lake.sinkFile(0, 10);

        assertThat(lake.compactor("a").compact(PARTITION)).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(lake.locations.get(PARTITION)).isEqualTo(LAYOUT.uri(base));
    }

    @Test
    void lateRecordsAreFoldedIntoTheNextGenerationWithTheEarlierOnes() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);
        lake.sinkFile(20, 3);

        assertThat(compactor.compact(PARTITION)).isEqualTo(Outcome.COMPACTED);

        assertThat(state().generation()).isEqualTo(2);
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 23));
    }

    @Test
    void aReplayedSinkFileAlreadyFoldedIsNotFoldedAgainAndRetiresOnceMore() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);
        lake.clock.advance(Duration.ofMinutes(31));
        compactor.compact(PARTITION);
        // The sink replays offsets 10..19 (its commit was lost) and writes the same file again.
        lake.sinkFile(10, 10);

        assertThat(compactor.compact(PARTITION)).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 20));
        lake.clock.advance(Duration.ofMinutes(31));
        compactor.compact(PARTITION);
        assertThat(lake.objects.keySet()).noneMatch(k -> k.startsWith(base + "ticks+"));
    }

    @Test
    void ofTwoCompactorsClaimingTheSamePartitionOnlyOneCompactsIt() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor first = lake.compactor("a");
        Compactor second = lake.compactor("b");
        Outcome[] secondOutcome = new Outcome[1];
        // Both have read the same state; the second claims just before the first does.
        lake.beforeConditionalWrite = () -> secondOutcome[0] = second.compact(PARTITION);

        Outcome firstOutcome = first.compact(PARTITION);

        assertThat(List.of(firstOutcome, secondOutcome[0])).containsExactly(Outcome.LOST_RACE, Outcome.COMPACTED);
        assertThat(state().generation()).isEqualTo(1);
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 20));
        assertThat(lake.objects.keySet()).filteredOn(k -> k.contains("/g0000")).hasSize(1);
    }

    @Test
    void aLiveClaimOfAnotherCompactorIsLeftToIt() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.crashAt = lake.operations.get() + 8;
        assertThatThrownBy(() -> lake.compactor("a").compact(PARTITION)).isInstanceOf(MemoryLake.Crash.class);
        assertThat(state().pending()).isNotNull();

        assertThat(lake.compactor("b").compact(PARTITION)).isEqualTo(Outcome.BUSY);
        lake.clock.advance(Duration.ofMinutes(16));
        assertThat(lake.compactor("b").compact(PARTITION)).isEqualTo(Outcome.COMPACTED);
        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 20));
    }

    @Test
    void aSwapByACompactorThatLostItsClaimIsPointedBack() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);
        String current = lake.locations.get(PARTITION);
        lake.locations.put(PARTITION, LAYOUT.uri(base + "_compacted/g000001-zombie/"));

        compactor.compact(PARTITION);

        assertThat(lake.locations.get(PARTITION)).isEqualTo(current);
    }

    @Test
    void aPartitionRegisteredElsewhereIsNotTouched() {
        lake.locations.put(PARTITION, "s3://other/place/");
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);

        assertThat(lake.compactor("a").compact(PARTITION)).isEqualTo(Outcome.FOREIGN_LOCATION);
        assertThat(lake.locations.get(PARTITION)).isEqualTo("s3://other/place/");
    }

    @Test
    void aPartitionNotRegisteredYetWaits() {
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);

        assertThat(lake.compactor("a").compact(PARTITION)).isEqualTo(Outcome.NOT_REGISTERED);
    }

    @Test
    void aLateFileIntoACompactedPartitionIsReadAtOnce() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.compactor("a").compact(PARTITION);

        lake.sinkFile(20, 3);

        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 23));
    }

    @Test
    void aFileNotLandedYetIsCarriedIntoTheNextGenerationNotFolded() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFileInFlight(20, 5);

        assertThat(lake.compactor("a").compact(PARTITION)).isEqualTo(Outcome.COMPACTED);

        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 25));
        assertThat(state().folded()).containsExactly(MemoryLake.sinkKey(0), MemoryLake.sinkKey(10));
        assertThat(lake.objects).containsKey(state().location() + "ticks+0+00000000000000000020.parquet");
    }

    @Test
    void aCarriedFileIsFoldedOnceItHasLanded() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFileInFlight(20, 5);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);
        assertThat(compactor.compact(PARTITION)).isEqualTo(Outcome.NOTHING_TO_DO);

        lake.land(25);

        assertThat(compactor.compact(PARTITION)).isEqualTo(Outcome.COMPACTED);
        assertThat(state().folded()).hasSize(3);
        assertThat(lake.objects.keySet())
                .filteredOn(k -> k.startsWith(state().location()))
                .containsExactlyElementsOf(state().outputs());
        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 25));
    }

    @Test
    void aReplayOfACarriedFileRewritesItsCopyWithoutDoublingRows() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFileInFlight(20, 5);
        lake.compactor("a").compact(PARTITION);

        // The batch failed before it landed; the replay cuts and names the file as before.
        lake.sinkFile(20, 5);

        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 25));
    }

    @Test
    void theOpenPartitionWaitsForItsMinimumOfLandedFiles() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        lake.sinkFileInFlight(20, 5);
        Compactor compactor = lake.compactor("a");

        assertThat(compactor.compactOpen(PARTITION, 3)).isEqualTo(Outcome.NOTHING_TO_DO);
        lake.land(25);
        assertThat(compactor.compactOpen(PARTITION, 3)).isEqualTo(Outcome.COMPACTED);
        lake.sinkFile(25, 5);
        assertThat(compactor.compactOpen(PARTITION, 3)).isEqualTo(Outcome.NOTHING_TO_DO);

        assertThat(lake.view()).containsExactlyInAnyOrderElementsOf(offsets(0, 30));
    }

    @Test
    void aCopyOfFoldedRowsInTheCurrentGenerationIsDeleted() {
        lake.register();
        lake.sinkFile(0, 10);
        lake.sinkFile(10, 10);
        Compactor compactor = lake.compactor("a");
        compactor.compact(PARTITION);
        lake.objects.put(
                state().location() + "ticks+0+00000000000000000010.parquet", lake.objects.get(MemoryLake.sinkKey(10)));

        compactor.compact(PARTITION);

        assertThat(lake.view()).containsExactlyElementsOf(offsets(0, 20));
    }

    private CompactionState state() {
        return new StateStore(lake.store).read(base + "_compacted/state.json").state();
    }
}
