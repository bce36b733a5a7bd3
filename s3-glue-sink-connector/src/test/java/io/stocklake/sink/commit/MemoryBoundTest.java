package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.TP1;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.lines;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.format.JsonLinesTestFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class MemoryBoundTest {

    private final WriterFixture fixture = new WriterFixture();

    @Test
    void thousandOpenOutputPartitionsStayWithinTheBound() {
        fixture.bufferMaxBytes = 64 * 1024;
        PartitionWriters writers = fixture.writers();
        int symbols = 1000;
        long offset = 0;
        for (int round = 0; round < 5; round++) {
            List<SinkRecord> batch = new ArrayList<>();
            for (int s = 0; s < symbols; s++, offset++) {
                batch.add(tick(TP0, offset, "SYM" + s, T0.plusMillis(offset)));
            }
            writers.put(batch);

            assertThat(fixture.budget.held()).isLessThanOrEqualTo(fixture.bufferMaxBytes);
            assertThat(fixture.budget.held())
                    .as("accounting matches what the uploads hold")
                    .isEqualTo(fixture.store.heldByOpenUploads());
        }

        Set<String> written = new HashSet<>();
        List<String> all = new ArrayList<>();
        fixture.store.dataObjects().values().forEach(content -> all.addAll(lines(content)));
        written.addAll(all);
        assertThat(all).as("no record twice").hasSameSizeAs(written);
        assertThat((long) all.size())
                .as("everything below the committable offset is uploaded")
                .isEqualTo(committed(writers, TP0));
        assertThat(committed(writers, TP0)).isGreaterThan(0);
    }

    @Test
    void thePartitionHoldingMostBytesRotatesFirst() {
        PartitionWriters probe = fixture.writers();
        probe.put(List.of(tick(TP0, 0, "AAPL", T0)));
        long oneRecord = fixture.budget.held();

        WriterFixture bounded = new WriterFixture();
        bounded.bufferMaxBytes = 4 * oneRecord;
        PartitionWriters writers = bounded.writers();
        writers.put(List.of(
                tick(TP1, 0, "AAPL", T0),
                tick(TP0, 0, "AAPL", T0),
                tick(TP0, 1, "MSFT", T0),
                tick(TP0, 2, "IBM", T0),
                tick(TP1, 1, "AAPL", T0)));

        assertThat(committed(writers, TP0)).isEqualTo(3);
        assertThat(committed(writers, TP1)).isEqualTo(0);
        assertThat(bounded.budget.held()).isEqualTo(2 * oneRecord);
    }

    @Test
    void anOpenFileHoldsItsWritersOverheadBesideItsBytes() {
        PartitionWriters plain = fixture.writers();
        plain.put(List.of(tick(TP0, 0, "AAPL", T0)));

        WriterFixture withOverhead = new WriterFixture();
        withOverhead.format = new JsonLinesTestFormat(10_000);
        PartitionWriters writers = withOverhead.writers();
        writers.put(List.of(tick(TP0, 0, "AAPL", T0)));

        assertThat(withOverhead.budget.held()).isEqualTo(fixture.budget.held() + 10_000);
    }

    @Test
    void openWritersOverheadAloneRotatesEarly() {
        // One record per output partition: the bytes stay tiny, the open writers' overhead passes the bound.
        fixture.format = new JsonLinesTestFormat(10_000);
        fixture.bufferMaxBytes = 100_000;
        PartitionWriters writers = fixture.writers();
        List<SinkRecord> batch = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            batch.add(tick(TP0, s, "SYM" + s, T0));
        }

        writers.put(batch);

        assertThat(committed(writers, TP0))
                .as("rotated before the end of the batch")
                .isGreaterThan(0);
        assertThat(fixture.budget.held()).isLessThanOrEqualTo(fixture.bufferMaxBytes);
    }
}
