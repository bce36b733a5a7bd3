package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.text;
import static io.stocklake.sink.commit.WriterFixture.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.testing.InMemoryObjectStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A crash after upload and before the offset commit: a new writer starting at the committed offset must
 * rewrite the same object keys with the same bytes, though its clock and memory differ from the first run's.
 */
class ReplayTest {

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "IBM"};
    private static final int RECORDS = 100;

    /** The first run: wall-clock and memory-pressure rotations at offsets no rule could recompute. */
    private static final class FirstRun {
        final WriterFixture fixture = new WriterFixture();
        long committedBeforeCrash;
        Set<String> completedAfterCommit;
        Map<String, String> objects;
    }

    private static FirstRun firstRunThenCrash() {
        FirstRun run = new FirstRun();
        run.fixture.scheduleMs = 60_000;
        run.fixture.bufferMaxBytes = 700;
        PartitionWriters writers = run.fixture.writers();
        int completedAtCommit = 0;
        for (int from = 0, put = 0; from < RECORDS; from += 7, put++) {
            writers.put(ticks(from, Math.min(from + 7, RECORDS), SYMBOLS));
            run.fixture.clock.advance(Duration.ofSeconds(17));
            if (put == 3) {
                run.committedBeforeCrash = committed(writers, TP0);
                completedAtCommit = run.fixture.store.completedKeys().size();
            }
        }
        run.fixture.clock.advance(Duration.ofMinutes(1));
        writers.put(List.of());
        assertThat(committed(writers, TP0))
                .as("everything uploaded before the crash")
                .isEqualTo(RECORDS);
        List<String> completed = run.fixture.store.completedKeys();
        run.completedAfterCommit = new HashSet<>(completed.subList(completedAtCommit, completed.size()));
        run.objects = text(run.fixture.store.dataObjects());
        return run;
    }

    /** The restarted task: frozen clock, no memory pressure, records from the committed offset. */
    private static WriterFixture replay(InMemoryObjectStore store, long from) {
        WriterFixture fixture = new WriterFixture();
        fixture.store = store;
        fixture.scheduleMs = 60_000;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(from, RECORDS, SYMBOLS));
        fixture.clock.advance(Duration.ofMinutes(1));
        writers.put(List.of());
        return fixture;
    }

    @Test
    void replayAfterCrashRewritesTheSameKeysWithTheSameBytes() {
        FirstRun first = firstRunThenCrash();
        int completedBefore = first.fixture.store.completedKeys().size();

        WriterFixture second = replay(first.fixture.store, first.committedBeforeCrash);

        List<String> completed = second.store.completedKeys();
        assertThat(new HashSet<>(completed.subList(completedBefore, completed.size())))
                .as("rewritten: the files after the offset the log says had landed")
                .isNotEmpty()
                .isSubsetOf(first.completedAfterCommit);
        assertThat(text(second.store.dataObjects())).isEqualTo(first.objects);
        assertThat(committed(second.writers(), TP0)).isLessThanOrEqualTo(RECORDS);
    }

    @Test
    void withoutTheBoundaryLogTheReplayWouldCutElsewhere() {
        FirstRun first = firstRunThenCrash();
        InMemoryObjectStore store = first.fixture.store;
        store.delete(store.objects().keySet().stream()
                .filter(k -> k.contains("/_boundaries/"))
                .toList());

        WriterFixture second = replay(store, first.committedBeforeCrash);

        assertThat(text(second.store.dataObjects())).isNotEqualTo(first.objects);
    }

    @Test
    void theBoundaryLogForgetsBoundariesBeforeTheStartingOffset() {
        FirstRun first = firstRunThenCrash();
        InMemoryObjectStore store = first.fixture.store;

        replay(store, RECORDS - 1);

        assertThat(WriterFixture.recordedCuts(store)).allMatch(cut -> cut > RECORDS - 1);
    }

    @Test
    void markersOfEarlierVersionsAreObeyedAndFoldedIntoTheBoundaryLog() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        String prefix = "topics/_boundaries/stock_ticks/stock-ticks/0/";
        store.put(prefix + "00000000000000000000", "3".getBytes());
        store.put(prefix + "00000000000000000003", "5".getBytes());
        WriterFixture fixture = new WriterFixture();
        fixture.store = store;
        PartitionWriters writers = fixture.writers();

        writers.put(ticks(0, 7, "AAPL"));

        assertThat(WriterFixture.recordedCuts(store))
                .as("those after the landed offset")
                .containsExactly(5L);
        assertThat(store.dataObjects().keySet())
                .extracting(k -> k.substring(k.lastIndexOf('+') + 1))
                .containsExactly("00000000000000000000.json", "00000000000000000003.json");
        assertThat(committed(writers, TP0)).isEqualTo(5);
    }
}
