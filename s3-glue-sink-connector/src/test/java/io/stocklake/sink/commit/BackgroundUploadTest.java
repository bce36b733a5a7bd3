package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.ticks;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.config.NullValueBehavior;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotated batches upload on another thread; their offsets become committable only once they have landed. */
class BackgroundUploadTest {

    /** Holds the uploads until the test lets them run. */
    private static final class HeldUploads implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable upload) {
            queue.add(upload);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final WriterFixture fixture = new WriterFixture();
    private final HeldUploads uploads = new HeldUploads();

    @BeforeEach
    void holdUploads() {
        fixture.uploads = uploads;
        fixture.flushSize = 2;
    }

    @Test
    void rotatedBatchIsNotCommittableBeforeItsUploadRan() {
        PartitionWriters writers = fixture.writers();

        writers.put(ticks(0, 2, "AAPL"));

        assertThat(fixture.store.dataObjects()).isEmpty();
        assertThat(committed(writers, TP0)).isZero();
    }

    @Test
    void rotatedBatchIsCommittableOnceItsUploadRan() {
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));

        uploads.runAll();

        assertThat(fixture.store.dataObjects()).hasSize(1);
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void catalogHearsOfABatchOnlyAfterItsUpload() {
        RecordingCatalog catalog = new RecordingCatalog();
        fixture.catalog = catalog;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));
        assertThat(catalog.partitions).isEmpty();

        uploads.runAll();
        writers.put(List.of());

        assertThat(catalog.partitions).hasSize(1);
    }

    @Test
    void failedBackgroundUploadRewindsToTheBatchStartOnTheNextPut() {
        PartitionWriters writers = fixture.writers();
        fixture.store.failCompletionOf(key -> key.endsWith("+00000000000000000000.json"));
        writers.put(ticks(0, 2, "AAPL"));
        uploads.runAll();

        assertThatThrownBy(() -> writers.put(ticks(2, 3, "AAPL")))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("redelivering from offset 0");

        assertThat(fixture.context.rewinds).containsEntry(TP0, 0L);
        assertThat(committed(writers, TP0)).isZero();
        assertThat(fixture.store.openUploadCount()).isZero();
    }

    @Test
    void failedBackgroundUploadIsNotReportedByTheCommit() {
        PartitionWriters writers = fixture.writers();
        fixture.store.failCompletionOf(key -> key.endsWith("+00000000000000000000.json"));
        writers.put(ticks(0, 2, "AAPL"));
        uploads.runAll();

        assertThat(committed(writers, TP0)).isZero();
    }

    @Test
    void recordsSkippedAfterAPendingBatchBecomeCommittableWithIt() {
        fixture.nullValues = NullValueBehavior.IGNORE;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));

        writers.put(List.of(withValue(TP0, 2, null, null)));
        assertThat(committed(writers, TP0)).isZero();
        uploads.runAll();

        assertThat(committed(writers, TP0)).isEqualTo(3);
    }

    @Test
    void rotatedBytesCountAgainstTheBoundUntilTheirBatchLands() {
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));
        assertThat(fixture.budget.held()).isPositive();

        uploads.runAll();
        writers.committableOffsets();

        assertThat(fixture.budget.held()).isZero();
    }
}
