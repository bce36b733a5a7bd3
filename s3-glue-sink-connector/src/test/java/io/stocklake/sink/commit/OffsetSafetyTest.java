package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TICK;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.TP1;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.dataKey;
import static io.stocklake.sink.commit.WriterFixture.lines;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static io.stocklake.sink.commit.WriterFixture.ticks;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.config.NullValueBehavior;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class OffsetSafetyTest {

    private static final String AAPL = "dt=2026-11-24/hour=03/symbol=AAPL";
    private static final String MSFT = "dt=2026-11-24/hour=03/symbol=MSFT";

    private final WriterFixture fixture = new WriterFixture();

    @Test
    void beforeAnyRotationOnlyTheStartingOffsetIsCommittable() {
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(5, 9, "AAPL", "MSFT"));

        assertThat(fixture.store.dataObjects()).isEmpty();
        assertThat(committed(writers, TP0)).isEqualTo(5);
    }

    @Test
    void committableOffsetStopsWhereTheOpenFilesBegin() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 5, "AAPL"));

        assertThat(committed(writers, TP0)).isEqualTo(4);
        int uploaded = fixture.store.dataObjects().values().stream()
                .mapToInt(c -> lines(c).size())
                .sum();
        assertThat(uploaded).isEqualTo(4);
    }

    @Test
    void failedUploadRewindsThePartitionAndKeepsItsCommittableOffset() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(ticks(0, 2, "AAPL"));
        fixture.store.failCompletionOf(key -> key.endsWith("+00000000000000000002.json"));

        assertThatThrownBy(() -> writers.put(ticks(2, 4, "AAPL"))).isInstanceOf(RetriableException.class);

        assertThat(fixture.context.rewinds).containsEntry(TP0, 2L);
        assertThat(fixture.context.timeouts).containsExactly(100L);
        assertThat(committed(writers, TP0)).isEqualTo(2);
        assertThat(fixture.store.dataObjects()).containsOnlyKeys(dataKey(AAPL, TP0, 0));
        assertThat(fixture.store.openUploadCount()).isZero();
    }

    @Test
    void redeliveryAfterAFailureWritesEveryRecordExactlyOnce() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(List.of(tick(TP0, 0, "AAPL", T0)));
        List<SinkRecord> batch = List.of(
                tick(TP1, 0, "MSFT", T0), tick(TP0, 1, "AAPL", T0), tick(TP0, 2, "AAPL", T0), tick(TP1, 1, "MSFT", T0));
        fixture.store.failCompletionOf(key -> key.contains("stock-ticks+0+"));

        assertThatThrownBy(() -> writers.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(fixture.context.rewinds).containsExactly(Map.entry(TP0, 0L));

        fixture.store.failCompletionOf(key -> false);
        writers.put(batch); // Connect hands in the failed batch again
        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP0, 1, "AAPL", T0), tick(TP0, 2, "AAPL", T0)));

        assertThat(lines(fixture.store.dataObjects().get(dataKey(AAPL, TP0, 0))))
                .hasSize(2);
        assertThat(lines(fixture.store.dataObjects().get(dataKey(MSFT, TP1, 0))))
                .hasSize(2);
        assertThat(committed(writers, TP0)).isEqualTo(2);
        assertThat(committed(writers, TP1)).isEqualTo(2);
    }

    @Test
    void catalogHearsOfPartitionsAfterTheirFilesAreUploaded() {
        RecordingCatalog catalog = new RecordingCatalog();
        fixture.catalog = catalog;
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        catalog.onRegister =
                partitions -> assertThat(fixture.store.dataObjects()).containsKey(dataKey(AAPL, TP0, 0));

        writers.put(ticks(0, 2, "AAPL"));

        assertThat(catalog.partitions).singleElement().satisfies(p -> {
            assertThat(p.values()).containsExactly("2026-11-24", "03", "AAPL");
            assertThat(p.location()).isEqualTo("s3://stock-lake/topics/stock_ticks/" + AAPL + "/");
        });
        assertThat(catalog.tables).singleElement().satisfies(t -> {
            assertThat(t.partitionKeys()).containsExactly("dt", "hour", "symbol");
            assertThat(t.location()).isEqualTo("s3://stock-lake/topics/stock_ticks/");
            assertThat(t.valueSchema()).isEqualTo(TICK);
        });
        assertThat(committed(writers, TP0)).isEqualTo(2);
    }

    @Test
    void catalogFailureKeepsTheOffsetUncommittedAndRewinds() {
        RecordingCatalog catalog = new RecordingCatalog();
        catalog.failing = true;
        fixture.catalog = catalog;
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();

        assertThatThrownBy(() -> writers.put(ticks(0, 2, "AAPL"))).isInstanceOf(RetriableException.class);

        assertThat(committed(writers, TP0)).isEqualTo(0);
        assertThat(fixture.context.rewinds).containsEntry(TP0, 0L);
    }

    @Test
    void recordWithoutTheTimeFieldIsReportedAndSkipped() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        Schema noTime =
                SchemaBuilder.struct().field("symbol", Schema.STRING_SCHEMA).build();
        SinkRecord bad = withValue(TP0, 1, noTime, new Struct(noTime).put("symbol", "AAPL"));

        writers.put(List.of(tick(0, "AAPL"), bad, tick(2, "AAPL")));

        assertThat(fixture.context.reported).containsExactly(bad);
        assertThat(fixture.context.reportedErrors.get(0)).hasMessageContaining("ts");
        assertThat(lines(fixture.store.dataObjects().get(dataKey(AAPL, TP0, 0))))
                .hasSize(2);
        assertThat(committed(writers, TP0)).isEqualTo(3);
    }

    @Test
    void recordTheFormatRejectsIsReportedAndLeavesNoEmptyFile() {
        PartitionWriters writers = fixture.writers();
        SinkRecord bad = withValue(TP0, 0, null, Map.of("symbol", "IBM", "ts", T0.toEpochMilli(), "unencodable", 1));

        writers.put(List.of(bad));

        assertThat(fixture.context.reported).containsExactly(bad);
        assertThat(fixture.store.openUploadCount()).isZero();
        assertThat(fixture.budget.held()).isZero();
        assertThat(committed(writers, TP0)).isEqualTo(1);
    }

    @Test
    void badRecordHandlerThatThrowsStopsThePut() {
        fixture.badRecords = (record, problem) -> {
            throw new ConnectException("no tolerance: " + problem.getMessage());
        };
        PartitionWriters writers = fixture.writers();

        assertThatThrownBy(() -> writers.put(List.of(withValue(TP0, 0, null, Map.of("symbol", "AAPL")))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("ts");
    }

    @Test
    void ignoredNullValuesAdvanceTheCommittableOffsetWhenNothingIsOpen() {
        fixture.nullValues = NullValueBehavior.IGNORE;
        PartitionWriters writers = fixture.writers();

        writers.put(List.of(withValue(TP0, 7, null, null)));

        assertThat(committed(writers, TP0)).isEqualTo(8);
        assertThat(fixture.context.reported).isEmpty();
    }

    @Test
    void nullValuesAreBadRecordsWhenTheyMustFail() {
        PartitionWriters writers = fixture.writers();
        SinkRecord tombstone = withValue(TP0, 0, null, null);

        writers.put(List.of(tombstone));

        assertThat(fixture.context.reported).containsExactly(tombstone);
        assertThat(fixture.context.reportedErrors.get(0)).hasMessageContaining("behavior.on.null.values");
    }

    @Test
    void closingAPartitionAbortsOnlyItsFiles() {
        PartitionWriters writers = fixture.writers();
        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP1, 0, "AAPL", T0)));

        writers.close(List.of(TP0));

        assertThat(fixture.store.openUploadCount()).isEqualTo(1);
        assertThat(writers.committableOffsets()).containsOnlyKeys(TP1);
    }

    @Test
    void aPartitionAssignedAgainAfterCloseWritesAnew() {
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        writers.put(List.of(tick(TP0, 0, "AAPL", T0)));
        writers.close(List.of(TP0));
        writers.open(List.of(TP0));

        writers.put(List.of(tick(TP0, 0, "AAPL", T0), tick(TP0, 1, "AAPL", T0)));

        assertThat(committed(writers, TP0)).isEqualTo(2);
        assertThat(lines(fixture.store.dataObjects().get(dataKey(AAPL, TP0, 0))))
                .hasSize(2);
    }
}
