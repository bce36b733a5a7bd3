package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.TP1;
import static io.stocklake.sink.commit.WriterFixture.lines;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriterThreadTest {

    private final WriterFixture fixture = new WriterFixture();
    private WriterThread writers;

    @AfterEach
    void stop() {
        writers.stop();
    }

    @Test
    void aPutRunsOnTheWriterThreadAndItsOffsetsAreCommittableOnceItIsDone() {
        fixture.flushSize = 2;
        writers = fixture.writerThread();

        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP0, 1, "AAPL", T0), tick(TP0, 2, "AAPL", T0)));

        assertThat(writers.committableOffsets()).containsExactly(Map.entry(TP0, new OffsetAndMetadata(2)));
    }

    @Test
    void aFailedPutMakesTheNextOneAskForEveryPartitionOfTheFailedBatchAgainAndEachRecordLandsOnce() {
        fixture.flushSize = 2;
        writers = fixture.writerThread();
        writers.put(List.of(tick(TP0, 0, "AAPL", T0)));
        fixture.store.failCompletionOf(key -> key.contains("stock-ticks+0+"));
        // TP0's file fails at offset 2; TP1's records come after it in the batch and are never reached.
        writers.put(List.of(tick(TP0, 1, "AAPL", T0), tick(TP0, 2, "AAPL", T0), tick(TP1, 0, "MSFT", T0),
                tick(TP1, 1, "MSFT", T0)));
        List<SinkRecord> later = List.of(tick(TP0, 3, "AAPL", T0), tick(TP1, 2, "MSFT", T0));

        assertThatThrownBy(() -> writers.put(later)).isInstanceOf(RetriableException.class);

        assertThat(fixture.context.rewinds).containsExactlyInAnyOrderEntriesOf(Map.of(TP0, 0L, TP1, 0L));
        fixture.store.failCompletionOf(key -> false);
        writers.put(later); // Connect hands in the batch it got the exception for, then polls from the rewinds
        List<SinkRecord> replay = new ArrayList<>();
        LongStream.range(0, 4).forEach(offset -> replay.add(tick(TP0, offset, "AAPL", T0)));
        LongStream.range(0, 3).forEach(offset -> replay.add(tick(TP1, offset, "MSFT", T0)));
        writers.put(replay);

        assertThat(writers.committableOffsets()).containsOnly(Map.entry(TP0, new OffsetAndMetadata(4)),
                Map.entry(TP1, new OffsetAndMetadata(2)));
        assertThat(linesOf(TP0)).isEqualTo(4);
        assertThat(linesOf(TP1)).isEqualTo(2);
    }

    @Test
    void nothingIsCommittableWhileAFailureWaitsForTheNextPut() {
        fixture.flushSize = 2;
        writers = fixture.writerThread();
        fixture.store.failCompletionOf(key -> true);
        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP0, 1, "AAPL", T0)));

        assertThat(writers.committableOffsets()).isEmpty();
        assertThatThrownBy(() -> writers.put(List.of())).isInstanceOf(RetriableException.class);
        assertThat(fixture.context.rewinds).containsExactly(Map.entry(TP0, 0L));
    }

    @Test
    void badRecordsAreHandledOnTheCallersThread() {
        List<Thread> handledOn = new ArrayList<>();
        fixture.badRecords = (record, problem) -> handledOn.add(Thread.currentThread());
        writers = fixture.writerThread();

        writers.put(List.of(withValue(TP0, 0, Schema.STRING_SCHEMA, "not a tick")));

        assertThat(writers.committableOffsets()).containsExactly(Map.entry(TP0, new OffsetAndMetadata(1)));
        assertThat(handledOn).containsExactly(Thread.currentThread());
    }

    @Test
    void aClosedPartitionIsNotAskedForAgain() {
        fixture.flushSize = 2;
        writers = fixture.writerThread();
        fixture.store.failCompletionOf(key -> true);
        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP0, 1, "AAPL", T0)));

        writers.close(List.of(TP0));
        writers.put(List.of());

        assertThat(fixture.context.rewinds).isEmpty();
    }

    private int linesOf(TopicPartition tp) {
        return fixture.store.dataObjects().entrySet().stream()
                .filter(object -> object.getKey().contains(tp.topic() + "+" + tp.partition() + "+"))
                .mapToInt(object -> lines(object.getValue()).size()).sum();
    }
}
