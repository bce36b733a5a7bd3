package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.column.Encoding;
import org.junit.jupiter.api.Test;

/** What an open Parquet file costs per column, and which columns pay for a dictionary. */
class ParquetColumnCostTest {

    private static final FileFormat PARQUET = FileFormats.create("parquet", "snappy");

    @Test
    void stringColumnsAreDictionaryEncoded() throws IOException {
        Map<String, Set<Encoding>> encodings = ParquetFiles.encodings(hundredTicks());

        assertThat(encodings.get("symbol")).anyMatch(Encoding::usesDictionary);
        assertThat(encodings.get("exchange")).anyMatch(Encoding::usesDictionary);
    }

    @Test
    void numberAndTimestampColumnsAreNotDictionaryEncoded() throws IOException {
        Map<String, Set<Encoding>> encodings = ParquetFiles.encodings(hundredTicks());

        for (String column : List.of("event_time", "seq", "price", "size", "bid", "ask", "bid_size", "day_volume")) {
            assertThat(encodings.get(column)).as(column).noneMatch(Encoding::usesDictionary);
        }
    }

    @Test
    void aStringInsideAStructIsDictionaryEncoded() throws IOException {
        Schema venue = SchemaBuilder.struct()
                .field("mic", Schema.STRING_SCHEMA)
                .field("fee", Schema.FLOAT64_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct().field("venue", venue).build();
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Struct value = new Struct(schema)
                    .put("venue", new Struct(venue).put("mic", "XNAS").put("fee", i * 0.01));
            records.add(new SinkRecord("t", 0, null, null, schema, value, i));
        }

        Map<String, Set<Encoding>> encodings = ParquetFiles.encodings(TestFiles.write(PARQUET, schema, records));

        assertThat(encodings.get("venue.mic")).anyMatch(Encoding::usesDictionary);
        assertThat(encodings.get("venue.fee")).noneMatch(Encoding::usesDictionary);
    }

    @Test
    void overheadGrowsWithTheColumnCount() throws IOException {
        long one = overhead(columns(1, Schema.FLOAT64_SCHEMA));
        long ten = overhead(columns(10, Schema.FLOAT64_SCHEMA));
        long forty = overhead(columns(40, Schema.FLOAT64_SCHEMA));

        assertThat(one).isPositive().isLessThan(ten);
        assertThat(ten).isLessThan(forty);
    }

    @Test
    void aDictionaryColumnCostsMoreThanAPlainOne() throws IOException {
        assertThat(overhead(columns(1, Schema.STRING_SCHEMA)))
                .isGreaterThan(overhead(columns(1, Schema.FLOAT64_SCHEMA)));
    }

    @Test
    void aColumnThatCanBeNullCostsItsLevelEncoder() throws IOException {
        assertThat(overhead(columns(1, Schema.OPTIONAL_FLOAT64_SCHEMA)))
                .isGreaterThan(overhead(columns(1, Schema.FLOAT64_SCHEMA)));
    }

    private static byte[] hundredTicks() throws IOException {
        List<Struct> ticks = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            ticks.addAll(StockTicks.sample());
        }
        return TestFiles.write(PARQUET, StockTicks.SCHEMA, StockTicks.records(ticks));
    }

    private static Schema columns(int count, Schema type) {
        SchemaBuilder struct = SchemaBuilder.struct();
        for (int i = 0; i < count; i++) {
            struct.field("c" + i, type);
        }
        return struct.build();
    }

    private static long overhead(Schema schema) throws IOException {
        return PARQUET.open(schema, new ByteArrayOutputStream()).overheadBytes();
    }
}
