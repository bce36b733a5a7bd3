package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormatTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "gzip", "zstd"})
    void readsBackEveryTickFieldByField(String compression) throws Exception {
        List<Struct> ticks = StockTicks.sample();
        byte[] file =
                TestFiles.write(FileFormats.create("csv", compression), StockTicks.SCHEMA, StockTicks.records(ticks));

        try (CSVParser csv = parse(TestFiles.text(file, compression))) {
            assertThat(csv.getHeaderNames()).containsExactlyElementsOf(StockTicks.COLUMNS);
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSameSizeAs(ticks);
            for (int i = 0; i < ticks.size(); i++) {
                Struct tick = ticks.get(i);
                CSVRecord row = rows.get(i);
                assertThat(row.get("symbol")).isEqualTo(tick.getString("symbol"));
                assertThat(row.get("exchange")).isEqualTo(tick.getString("exchange"));
                assertThat(epochMillis(row.get("event_time"))).isEqualTo(((Date) tick.get("event_time")).getTime());
                assertThat(Long.parseLong(row.get("seq"))).isEqualTo(tick.getInt64("seq"));
                assertThat(Double.parseDouble(row.get("price"))).isEqualTo(tick.getFloat64("price"));
                assertThat(Integer.parseInt(row.get("size"))).isEqualTo(tick.getInt32("size"));
                assertThat(nullableDouble(row.get("bid"))).isEqualTo(tick.getFloat64("bid"));
                assertThat(nullableDouble(row.get("ask"))).isEqualTo(tick.getFloat64("ask"));
                assertThat(nullableInt(row.get("bid_size"))).isEqualTo(tick.getInt32("bid_size"));
                assertThat(nullableInt(row.get("ask_size"))).isEqualTo(tick.getInt32("ask_size"));
                assertThat(Long.parseLong(row.get("day_volume"))).isEqualTo(tick.getInt64("day_volume"));
            }
        }
    }

    @Test
    void writesAMapOfTextsWithHivesDefaultEntryAndKeyDelimiters() throws Exception {
        Schema headers = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
                .optional()
                .build();
        Schema schema = SchemaBuilder.struct()
                .field("kafka_headers", headers)
                .field("symbol", Schema.STRING_SCHEMA)
                .build();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("trace", "t-1");
        values.put("attempt", "3");
        Struct row = new Struct(schema).put("kafka_headers", values).put("symbol", "AAPL");

        byte[] file = TestFiles.write(FileFormats.create("csv", "none"), schema, List.of(StockTicks.record(row, 0)));

        assertThat(new String(file, StandardCharsets.UTF_8).lines().skip(1))
                .containsExactly("trace\u0003t-1\u0002attempt\u00033,AAPL");
    }

    @Test
    void writesTimestampsLikeJsonLines() throws Exception {
        Struct tick = StockTicks.unquoted("AAPL", "XNAS", "2026-03-08T01:59:59.007Z", 1L, 1.0, 1, 1L);

        CSVRecord row = single(tick);

        assertThat(row.get("event_time")).isEqualTo("2026-03-08 01:59:59.007");
    }

    @Test
    void writesNullsAsEmptyFields() throws Exception {
        Struct tick = StockTicks.unquoted("AAPL", "XNAS", "2026-11-24T14:30:00Z", 1L, 1.0, 1, 1L);

        String text = text(tick);

        assertThat(text.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("AAPL,XNAS,2026-11-24 14:30:00.000,1,1.0,1,,,,,1");
    }

    @Test
    void writesDecimalsAsPlainDigits() throws Exception {
        Schema schema =
                SchemaBuilder.struct().field("notional", Decimal.schema(4)).build();
        BigDecimal notional = new BigDecimal("1E+21").setScale(4);

        CSVRecord row = single(new Struct(schema).put("notional", notional));

        assertThat(row.get("notional")).isEqualTo("1000000000000000000000.0000");
    }

    @Test
    void quotesOnlyValuesThatNeedIt() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("plain", Schema.STRING_SCHEMA)
                .field("spaced", Schema.STRING_SCHEMA)
                .field("comma", Schema.STRING_SCHEMA)
                .field("quote", Schema.STRING_SCHEMA)
                .field("newline", Schema.STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("plain", "BRK.A")
                .put("spaced", "Berkshire Hathaway")
                .put("comma", "Apple, Inc.")
                .put("quote", "the \"Fruit\"")
                .put("newline", "line1\nline2");

        String text = text(value);

        assertThat(text)
                .isEqualTo("plain,spaced,comma,quote,newline\n"
                        + "BRK.A,Berkshire Hathaway,\"Apple, Inc.\",\"the \"\"Fruit\"\"\",\"line1\nline2\"\n");
        try (CSVParser csv = parse(text)) {
            CSVRecord row = csv.getRecords().get(0);
            assertThat(row.toMap())
                    .isEqualTo(Map.of(
                            "plain",
                            "BRK.A",
                            "spaced",
                            "Berkshire Hathaway",
                            "comma",
                            "Apple, Inc.",
                            "quote",
                            "the \"Fruit\"",
                            "newline",
                            "line1\nline2"));
        }
    }

    @Test
    void refusesSchemalessValues() {
        FileFormat csv = FileFormats.create("csv", "none");

        assertThatThrownBy(() -> csv.open(null, new ByteArrayOutputStream()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("schema");
    }

    @Test
    void refusesNestedFieldsNamingThem() {
        Schema schema = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("conditions", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .build();
        FileFormat csv = FileFormats.create("csv", "none");

        assertThatThrownBy(() -> csv.open(schema, new ByteArrayOutputStream()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("conditions");
    }

    @Test
    void rejectsAWrongTypedRecordNamingTheFieldAndWritesNothingOfIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("csv", "none").open(StockTicks.SCHEMA, out);
        Struct good = StockTicks.sample().get(0);
        writer.write(StockTicks.record(good, 0));

        assertThatThrownBy(() -> writer.write(wrongTypedSize(good, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'size'");
        writer.write(StockTicks.record(good, 2));
        writer.finish();

        try (CSVParser csv = parse(out.toString(StandardCharsets.UTF_8))) {
            assertThat(csv.getRecords()).extracting(row -> row.get("seq")).containsExactly("1", "1");
        }
    }

    /** A tick whose schema says size is a string: the shape a changed upstream schema takes. */
    static SinkRecord wrongTypedSize(Struct tick, long offset) {
        SchemaBuilder builder = SchemaBuilder.struct().name(StockTicks.SCHEMA.name());
        StockTicks.SCHEMA
                .fields()
                .forEach(field -> builder.field(
                        field.name(), field.name().equals("size") ? Schema.STRING_SCHEMA : field.schema()));
        Schema changed = builder.build();
        Struct value = new Struct(changed);
        StockTicks.SCHEMA
                .fields()
                .forEach(field ->
                        value.put(field.name(), field.name().equals("size") ? "one hundred" : tick.get(field)));
        return new SinkRecord("ticks", 0, null, null, changed, value, offset);
    }

    private static CSVRecord single(Struct value) throws Exception {
        try (CSVParser csv = parse(text(value))) {
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }
    }

    private static String text(Struct value) throws Exception {
        byte[] file = TestFiles.write(
                FileFormats.create("csv", "none"), value.schema(), List.of(StockTicks.record(value, 0)));
        return TestFiles.text(file, "none");
    }

    private static CSVParser parse(String text) throws Exception {
        return CSVParser.parse(
                new StringReader(text),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get());
    }

    private static long epochMillis(String hiveTimestamp) {
        assertThat(hiveTimestamp).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        return Instant.parse(hiveTimestamp.replace(' ', 'T') + "Z").toEpochMilli();
    }

    private static Double nullableDouble(String cell) {
        return cell.isEmpty() ? null : Double.parseDouble(cell);
    }

    private static Integer nullableInt(String cell) {
        return cell.isEmpty() ? null : Integer.parseInt(cell);
    }
}
