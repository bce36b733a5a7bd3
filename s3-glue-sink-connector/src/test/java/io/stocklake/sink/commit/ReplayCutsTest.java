package io.stocklake.sink.commit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReplayCutsTest {

    private final ReplayCuts cuts = new ReplayCuts();

    @Test
    void aRecordedBoundaryIsDueOnceTheOffsetReachesIt() {
        cuts.restore(new BoundaryLog.Claimed(0, new TreeSet<>(List.of(5L)), -1));

        assertThat(cuts.dueAt(4)).isFalse();
        assertThat(cuts.dueAt(5)).isTrue();
        assertThat(cuts.dueAt(5)).as("once").isFalse();
    }

    @Test
    void noEarlyCutBeforeTheEndOfTheLastBatchThatMayBeInS3() {
        cuts.restore(new BoundaryLog.Claimed(0, new TreeSet<>(), 20));

        assertThat(cuts.allowEarlyCut(19)).isFalse();
        assertThat(cuts.allowEarlyCut(20)).isTrue();
    }

    @Test
    void noEarlyCutWhileARecordedBoundaryIsAhead() {
        cuts.restore(new BoundaryLog.Claimed(0, new TreeSet<>(List.of(8L)), -1));

        assertThat(cuts.allowEarlyCut(30)).isFalse();
        cuts.dueAt(8);
        assertThat(cuts.allowEarlyCut(30)).isTrue();
    }

    @Test
    void aRewindRestoresTheEarlyCutsOfBatchesNotLanded() {
        cuts.uploading(0, 4, true);
        cuts.uploading(4, 9, true);
        cuts.landedThrough(4);
        while (cuts.dueAt(100)) {
            // the run passes every boundary
        }

        cuts.rewindTo(4);

        assertThat(cuts.ahead()).containsExactly(9L);
    }

    @Test
    void aBatchCutByARuleRecordsNoBoundary() {
        cuts.uploading(0, 10, false);

        cuts.rewindTo(0);

        assertThat(cuts.ahead()).isEmpty();
        assertThat(cuts.allowEarlyCut(9)).as("but it may be in S3").isFalse();
    }
}
