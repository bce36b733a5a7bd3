package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.ticks;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stocklake.sink.storage.ObjectChangedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** What a failure, a rebalance or a zombie must never do: lose, double or rewrite committed records. */
class FaultPathTest {

    /** Holds uploads until the test runs them, in any order. */
    private static final class HeldUploads implements Executor {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable upload) {
            queue.add(upload);
        }

        void runNewest() {
            queue.pollLast().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final WriterFixture fixture = new WriterFixture();

    @Test
    void aFailureAfterARecordedBoundaryWasPassedReplaysWithoutDoublingTheLaterBatch() {
        HeldUploads uploads = new HeldUploads();
        fixture.uploads = uploads;
        fixture.scheduleMs = 60_000;
        fixture.flushSize = 3;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));
        fixture.clock.advance(Duration.ofMinutes(1));
        writers.put(List.of());
        writers.put(ticks(2, 5, "AAPL"));
        uploads.runNewest();
        fixture.store.failCompletionOf(key -> key.endsWith("+00000000000000000000.json"));
        uploads.runNewest();

        assertThatThrownBy(() -> writers.put(ticks(5, 6, "AAPL"))).isInstanceOf(RetriableException.class);
        fixture.store.failCompletionOf(key -> false);
        writers.put(ticks(5, 6, "AAPL"));
        writers.put(ticks(0, 6, "AAPL"));
        uploads.runAll();
        fixture.clock.advance(Duration.ofMinutes(1));
        writers.put(List.of());
        uploads.runAll();

        assertThat(committed(writers, TP0)).isEqualTo(6);
        assertThat(timesEachOffsetIsStored()).containsExactlyEntriesOf(once(0, 6));
    }

    @Test
    void aWriterThatLostItsPartitionCannotMakeItsOwnCutVisible() {
        fixture.scheduleMs = 60_000;
        PartitionWriters zombie = fixture.writers();
        zombie.put(ticks(0, 3, "AAPL"));
        PartitionWriters owner = fixture.writers();
        owner.put(ticks(0, 5, "AAPL"));
        fixture.clock.advance(Duration.ofMinutes(1));
        owner.put(List.of());
        assertThat(committed(owner, TP0)).isEqualTo(5);

        assertThatThrownBy(() -> zombie.put(List.of()))
                .isInstanceOf(RetriableException.class)
                .hasCauseInstanceOf(ObjectChangedException.class);

        assertThat(timesEachOffsetIsStored()).containsExactlyEntriesOf(once(0, 5));
        assertThat(committed(zombie, TP0)).isEqualTo(0);
    }

    @Test
    void aNewOwnerObeysTheBoundariesItsPredecessorRecorded() {
        fixture.scheduleMs = 60_000;
        PartitionWriters first = fixture.writers();
        first.put(ticks(0, 3, "AAPL"));
        fixture.clock.advance(Duration.ofMinutes(1));
        first.put(List.of());
        Map<String, byte[]> before = fixture.store.dataObjects();

        PartitionWriters next = fixture.writers();
        next.put(ticks(0, 5, "AAPL"));
        fixture.clock.advance(Duration.ofMinutes(1));
        next.put(List.of());

        assertThat(fixture.store.dataObjects()).containsAllEntriesOf(before);
        assertThat(timesEachOffsetIsStored()).containsExactlyEntriesOf(once(0, 5));
    }

    @Test
    void offsetsAreKeyedByThePartitionConnectAssignedWhileTheRenamedTopicChoosesTheTable() {
        PartitionWriters writers = fixture.writers();
        List<SinkRecord> renamed = new ArrayList<>();
        for (SinkRecord tick : ticks(0, 3, "AAPL")) {
            renamed.add(tick.newRecord(
                    "ticks-by-day",
                    tick.kafkaPartition(),
                    null,
                    null,
                    tick.valueSchema(),
                    tick.value(),
                    tick.timestamp()));
        }
        fixture.flushSize = 3;

        writers = fixture.writers();
        writers.put(renamed);

        assertThat(writers.committableOffsets()).containsOnlyKeys(TP0);
        assertThat(committed(writers, TP0)).isEqualTo(3);
        assertThat(fixture.store.dataObjects().keySet())
                .singleElement()
                .asString()
                .startsWith("topics/ticks_by_day/")
                .endsWith("/stock-ticks+0+00000000000000000000.json");
    }

    @Test
    void aBadRecordReachesTheDeadLetterQueueOnceThoughItsBatchIsReplayed() {
        fixture.flushSize = 2;
        List<SinkRecord> batch = new ArrayList<>(ticks(0, 1, "AAPL"));
        batch.add(withValue(TP0, 1, Schema.STRING_SCHEMA, "not a tick"));
        batch.addAll(ticks(2, 4, "AAPL"));
        PartitionWriters writers = fixture.writers();
        fixture.store.failCompletionOf(key -> key.endsWith("+00000000000000000000.json"));

        assertThatThrownBy(() -> writers.put(batch)).isInstanceOf(RetriableException.class);
        fixture.store.failCompletionOf(key -> false);
        writers.put(batch);
        writers.put(batch);

        assertThat(fixture.context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
        assertThat(committed(writers, TP0)).isEqualTo(3);
    }

    @Test
    void closingAPartitionDoesNotWaitForAStalledUpload() throws InterruptedException {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        fixture.uploads = upload -> new Thread(() -> {
                    try {
                        stalled.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    upload.run();
                    ran.countDown();
                })
                .start();
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writers.close(List.of(TP0)));

        stalled.countDown();
        ran.await();
        assertThat(fixture.store.dataObjects()).isEmpty();
        assertThat(fixture.store.openUploadCount()).isZero();
    }

    /** How many lines of all data objects hold each offset (the ticks' {@code ts} is T0 plus their offset). */
    private Map<Long, Integer> timesEachOffsetIsStored() {
        Map<Long, Integer> counts = new TreeMap<>();
        fixture.store
                .dataObjects()
                .values()
                .forEach(content -> WriterFixture.lines(content).forEach(line -> {
                    long ts = Long.parseLong(line.replaceAll(".*\"ts\":(\\d+).*", "$1"));
                    counts.merge(ts - T0.toEpochMilli(), 1, Integer::sum);
                }));
        return counts;
    }

    private static Map<Long, Integer> once(long from, long to) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (long offset = from; offset < to; offset++) {
            counts.put(offset, 1);
        }
        return counts;
    }
}
