package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.committed;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static io.stocklake.sink.commit.WriterFixture.withValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.format.FileFormats;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** A record whose own schema the format cannot hold is a bad record, like one whose values it cannot. */
class SchemaRefusedTest {

    private static final Schema NESTED = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .field(
                    "quote",
                    SchemaBuilder.struct()
                            .field("bid", Schema.FLOAT64_SCHEMA)
                            .optional()
                            .build())
            .build();

    @Test
    void aSchemaTheFormatRefusesSendsTheRecordToTheReporterAndLeavesNoUploadOpen() {
        WriterFixture fixture = new WriterFixture();
        fixture.format = FileFormats.create("csv", "none");
        fixture.flushSize = 2;
        PartitionWriters writers = fixture.writers();
        SinkRecord nested = withValue(
                TP0, 0, NESTED, new Struct(NESTED).put("symbol", "AAPL").put("ts", T0.toEpochMilli()));

        writers.put(List.of(nested, tick(TP0, 1, "AAPL", T0), tick(TP0, 2, "AAPL", T0.plusMillis(2))));

        assertThat(fixture.context.reported).containsExactly(nested);
        assertThat(fixture.context.reportedErrors.get(0)).hasMessageContaining("quote");
        assertThat(fixture.store.openUploadCount()).isZero();
        assertThat(committed(writers, TP0)).isEqualTo(3);
    }
}
