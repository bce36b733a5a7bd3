package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TICK_V2;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.dataKey;
import static io.stocklake.sink.commit.WriterFixture.lines;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static io.stocklake.sink.commit.WriterFixture.ticks;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final String AAPL = "dt=2026-11-24/hour=03/symbol=AAPL";
    private static final String MSFT = "dt=2026-11-24/hour=03/symbol=MSFT";

    private final WriterFixture fixture = new WriterFixture();

    @Test
    void fileReachingFlushSizeClosesAllOpenFilesOfItsKafkaPartition() {
        fixture.flushSize = 3;
        PartitionWriters writers = fixture.writers();

        writers.put(List.of(tick(0, "AAPL"), tick(1, "MSFT"), tick(2, "AAPL"), tick(3, "AAPL")));

        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0), dataKey(MSFT, TP0, 1));
        assertThat(lines(fixture.store.dataObjects().get(dataKey(AAPL, TP0, 0))))
                .hasSize(3);
        assertThat(committed(writers, TP0)).isEqualTo(4);
    }

    @Test
    void fileReachingRotateSizeBytesRotates() {
        PartitionWriters probe = fixture.writers();
        probe.put(List.of(tick(0, "AAPL")));
        long oneLine = fixture.budget.held();

        WriterFixture sized = new WriterFixture();
        sized.rotateSizeBytes = 2 * oneLine;
        PartitionWriters writers = sized.writers();
        writers.put(List.of(tick(0, "AAPL"), tick(1, "AAPL"), tick(2, "AAPL")));

        assertThat(sized.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0));
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void recordBeyondTheTimeSpanClosesTheOpenFilesBeforeItIsWritten() {
        fixture.spanMs = 60_000;
        PartitionWriters writers = fixture.writers();

        writers.put(List.of(
                tick(TP0, 0, "AAPL", T0),
                tick(TP0, 1, "MSFT", T0.plusSeconds(30)),
                tick(TP0, 2, "AAPL", T0.plusSeconds(60))));

        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0), dataKey(MSFT, TP0, 1));
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void timeSpanCountsRecordsEarlierThanTheFirstToo() {
        fixture.spanMs = 60_000;
        PartitionWriters writers = fixture.writers();

        writers.put(List.of(tick(TP0, 0, "AAPL", T0.plusSeconds(50)), tick(TP0, 1, "AAPL", T0.minusSeconds(10))));

        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0));
    }

    @Test
    void scheduledRotationFiresOnAnEmptyPutOnceTheBoundaryPasses() {
        fixture.scheduleMs = 60_000;
        PartitionWriters writers = fixture.writers();
        writers.put(List.of(tick(0, "AAPL"), tick(1, "MSFT")));

        fixture.clock.advance(Duration.ofSeconds(49)); // 03:00:59
        writers.put(List.of());
        assertThat(fixture.store.dataObjects()).isEmpty();

        fixture.clock.advance(Duration.ofSeconds(1)); // 03:01:00, the next minute boundary
        writers.put(List.of());
        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0), dataKey(MSFT, TP0, 1));
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void scheduledRotationRecordsItsEndOffsetInTheBoundaryLog() {
        fixture.scheduleMs = 60_000;
        PartitionWriters writers = fixture.writers();
        writers.put(List.of(tick(0, "AAPL"), tick(1, "MSFT")));
        fixture.clock.advance(Duration.ofMinutes(1));
        writers.put(List.of());

        assertThat(WriterFixture.recordedCuts(fixture.store)).containsExactly(2L);
    }

    @Test
    void countTriggeredRotationRecordsNoBoundary() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 4, "AAPL"));

        assertThat(WriterFixture.recordedCuts(fixture.store)).isEmpty();
    }

    @Test
    void schemaChangeInAPartitionStartsNewFiles() {
        PartitionWriters writers = fixture.writers();
        Struct v2 = new Struct(TICK_V2)
                .put("symbol", "AAPL")
                .put("ts", T0.toEpochMilli())
                .put("price", 2.0)
                .put("size", 100);

        writers.put(List.of(tick(0, "AAPL"), tick(1, "MSFT"), withValue(TP0, 2, TICK_V2, v2)));

        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0), dataKey(MSFT, TP0, 1));
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void emptyPutWithNothingOpenUploadsNothing() {
        fixture.scheduleMs = 60_000;
        PartitionWriters writers = fixture.writers();
        fixture.clock.advance(Duration.ofHours(1));

        writers.put(List.of());

        assertThat(fixture.store.objects()).isEmpty();
        assertThat(writers.committableOffsets()).isEmpty();
    }
}
