package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesFormatTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "gzip", "zstd"})
    void readsBackEveryTickFieldByField(String compression) throws Exception {
        List<Struct> ticks = StockTicks.sample();
        byte[] file =
                TestFiles.write(FileFormats.create("json", compression), StockTicks.SCHEMA, StockTicks.records(ticks));

        List<JsonNode> lines = lines(TestFiles.text(file, compression));

        assertThat(lines).hasSameSizeAs(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            Struct tick = ticks.get(i);
            JsonNode line = lines.get(i);
            assertThat(fieldNames(line)).containsExactlyElementsOf(StockTicks.COLUMNS);
            assertThat(line.get("symbol").textValue()).isEqualTo(tick.getString("symbol"));
            assertThat(line.get("exchange").textValue()).isEqualTo(tick.getString("exchange"));
            assertThat(epochMillis(line.get("event_time").textValue()))
                    .isEqualTo(((Date) tick.get("event_time")).getTime());
            assertThat(line.get("seq").longValue()).isEqualTo(tick.getInt64("seq"));
            assertThat(line.get("price").doubleValue()).isEqualTo(tick.getFloat64("price"));
            assertThat(line.get("size").intValue()).isEqualTo(tick.getInt32("size"));
            assertThat(nullableDouble(line.get("bid"))).isEqualTo(tick.getFloat64("bid"));
            assertThat(nullableDouble(line.get("ask"))).isEqualTo(tick.getFloat64("ask"));
            assertThat(nullableInt(line.get("bid_size"))).isEqualTo(tick.getInt32("bid_size"));
            assertThat(nullableInt(line.get("ask_size"))).isEqualTo(tick.getInt32("ask_size"));
            assertThat(line.get("day_volume").longValue()).isEqualTo(tick.getInt64("day_volume"));
        }
    }

    @Test
    void writesTimestampsAsHiveTextInUtcToTheMillisecond() throws Exception {
        Struct tick = StockTicks.unquoted("AAPL", "XNAS", "2026-03-08T01:59:59.007Z", 1L, 1.0, 1, 1L);

        JsonNode line = single(tick);

        assertThat(line.get("event_time").textValue()).isEqualTo("2026-03-08 01:59:59.007");
    }

    @Test
    void writesTimestampsInUtcWhateverTheWorkersTimeZone() throws Exception {
        Struct tick = StockTicks.unquoted("AAPL", "XNAS", "2026-11-24T23:30:00.250Z", 1L, 1.0, 1, 1L);
        TimeZone workerZone = TimeZone.getDefault();
        JsonNode line;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            line = single(tick);
        } finally {
            TimeZone.setDefault(workerZone);
        }

        assertThat(line.get("event_time").textValue()).isEqualTo("2026-11-24 23:30:00.250");
    }

    @Test
    void writesMissingOptionalFieldsAsJsonNull() throws Exception {
        Struct tick = StockTicks.unquoted("AAPL", "XNAS", "2026-11-24T14:30:00Z", 1L, 1.0, 1, 1L);

        JsonNode line = single(tick);

        assertThat(line.get("bid").isNull()).isTrue();
        assertThat(line.get("ask_size").isNull()).isTrue();
    }

    @Test
    void writesDecimalsAsExactJsonNumbers() throws Exception {
        Schema schema =
                SchemaBuilder.struct().field("notional", Decimal.schema(4)).build();
        BigDecimal notional = new BigDecimal("12345678901234567890.1234");

        JsonNode line = single(new Struct(schema).put("notional", notional));

        assertThat(line.get("notional").isNumber()).isTrue();
        assertThat(line.get("notional").decimalValue()).isEqualByComparingTo(notional);
    }

    @Test
    void writesDatesAsIsoDays() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("trade_date", org.apache.kafka.connect.data.Date.SCHEMA)
                .build();
        Date day = Date.from(
                LocalDate.of(2026, 11, 24).atStartOfDay(ZoneOffset.UTC).toInstant());

        JsonNode line = single(new Struct(schema).put("trade_date", day));

        assertThat(line.get("trade_date").textValue()).isEqualTo("2026-11-24");
    }

    @Test
    void writesBytesAsBase64() throws Exception {
        Schema schema = SchemaBuilder.struct().field("raw", Schema.BYTES_SCHEMA).build();
        byte[] raw = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};

        JsonNode line = single(new Struct(schema).put("raw", raw));

        assertThat(Base64.getDecoder().decode(line.get("raw").textValue())).isEqualTo(raw);
    }

    @Test
    void writesNestedStructsArraysAndMapsAsJson() throws Exception {
        Schema quote = SchemaBuilder.struct()
                .field("bid", Schema.FLOAT64_SCHEMA)
                .field("ask", Schema.FLOAT64_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .field("quote", quote)
                .field("conditions", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field(
                        "venues",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA)
                                .build())
                .build();
        Struct value = new Struct(schema)
                .put("quote", new Struct(quote).put("bid", 1.5).put("ask", 1.75))
                .put("conditions", List.of("@", "F"))
                .put("venues", Map.of("XNAS", 10L));

        JsonNode line = single(value);

        assertThat(line.get("quote").get("bid").doubleValue()).isEqualTo(1.5);
        assertThat(line.get("quote").get("ask").doubleValue()).isEqualTo(1.75);
        assertThat(line.get("conditions").get(0).textValue()).isEqualTo("@");
        assertThat(line.get("conditions").get(1).textValue()).isEqualTo("F");
        assertThat(line.get("venues").get("XNAS").longValue()).isEqualTo(10L);
    }

    @Test
    void writesEachRecordWithTheFieldsOfItsOwnSchemaWhenSchemasAlternate() throws Exception {
        Schema narrow =
                SchemaBuilder.struct().field("symbol", Schema.STRING_SCHEMA).build();
        Schema wide = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("size", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("json", "none").open(null, out);

        writer.write(StockTicks.record(new Struct(narrow).put("symbol", "MSFT"), 0));
        writer.write(StockTicks.record(new Struct(wide).put("symbol", "AAPL").put("size", 100), 1));
        writer.write(StockTicks.record(new Struct(narrow).put("symbol", "IBM"), 2));
        writer.write(StockTicks.record(new Struct(wide).put("symbol", "ORCL"), 3));
        writer.finish();

        List<JsonNode> lines = lines(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lines)
                .extracting(JsonLinesFormatTest::fieldNames)
                .containsExactly(
                        List.of("symbol"), List.of("symbol", "size"), List.of("symbol"), List.of("symbol", "size"));
        assertThat(lines.get(1).get("size").intValue()).isEqualTo(100);
        assertThat(lines.get(3).get("size").isNull()).isTrue();
    }

    @Test
    void writesFieldNamesThatNeedEscapingAsJsonReadsThemBack() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("say \"hi\"", Schema.STRING_SCHEMA)
                .field("back\\slash\ttab", Schema.STRING_SCHEMA)
                .field("prix_€", Schema.STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("say \"hi\"", "a")
                .put("back\\slash\ttab", "b")
                .put("prix_€", "c");

        JsonNode line = single(value);

        assertThat(fieldNames(line)).containsExactly("say \"hi\"", "back\\slash\ttab", "prix_€");
        assertThat(line.get("prix_€").textValue()).isEqualTo("c");
    }

    @Test
    void writesSchemalessMapsAsObjects() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("symbol", "AAPL");
        value.put("price", 231.57);
        value.put("size", 100L);
        value.put("flags", List.of(true, false));
        value.put("venue", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("json", "none").open(null, out);

        writer.write(StockTicks.schemaless(value, 0));
        writer.finish();

        JsonNode line =
                lines(out.toString(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertThat(fieldNames(line)).containsExactly("symbol", "price", "size", "flags", "venue");
        assertThat(line.get("price").doubleValue()).isEqualTo(231.57);
        assertThat(line.get("size").longValue()).isEqualTo(100L);
        assertThat(line.get("flags").get(1).booleanValue()).isFalse();
        assertThat(line.get("venue").isNull()).isTrue();
    }

    @Test
    void rejectsAnInvalidFieldNamingItAndWritesNothingOfTheRecord() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("trade_date", org.apache.kafka.connect.data.Date.SCHEMA)
                .build();
        Date midnight = Date.from(Instant.parse("2026-11-24T00:00:00Z"));
        Date afternoon = Date.from(Instant.parse("2026-11-24T14:30:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("json", "none").open(schema, out);
        writer.write(StockTicks.record(new Struct(schema).put("symbol", "MSFT").put("trade_date", midnight), 0));

        // The symbol is encoded before the bad date is reached; none of it may reach the file.
        Struct bad = new Struct(schema).put("symbol", "AAPL").put("trade_date", afternoon);
        assertThatThrownBy(() -> writer.write(StockTicks.record(bad, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("trade_date");
        writer.write(StockTicks.record(new Struct(schema).put("symbol", "IBM").put("trade_date", midnight), 2));
        writer.finish();

        List<JsonNode> lines = lines(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lines).extracting(line -> line.get("symbol").textValue()).containsExactly("MSFT", "IBM");
    }

    @Test
    void writesDoublesAsJavaWritesThem() throws Exception {
        double[] values = {231.57, 187.0, -0.25, Math.PI, 1.0E7, 0.0001, -0.0};
        SchemaBuilder builder = SchemaBuilder.struct();
        for (int i = 0; i < values.length; i++) {
            builder.field("d" + i, Schema.FLOAT64_SCHEMA);
        }
        Struct value = new Struct(builder.build());
        for (int i = 0; i < values.length; i++) {
            value.put("d" + i, values[i]);
        }

        byte[] file = TestFiles.write(
                FileFormats.create("json", "none"), value.schema(), List.of(StockTicks.record(value, 0)));

        assertThat(TestFiles.text(file, "none"))
                .isEqualTo("{\"d0\":231.57,\"d1\":187.0,\"d2\":-0.25,"
                        + "\"d3\":3.141592653589793,\"d4\":1.0E7,\"d5\":1.0E-4,\"d6\":-0.0}\n");
    }

    @Test
    void rejectsTombstones() throws Exception {
        RecordFileWriter writer = FileFormats.create("json", "none").open(null, new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.write(StockTicks.schemaless(null, 0))).isInstanceOf(DataException.class);
    }

    private static JsonNode single(Struct value) throws Exception {
        byte[] file = TestFiles.write(
                FileFormats.create("json", "none"), value.schema(), List.of(StockTicks.record(value, 0)));
        List<JsonNode> lines = lines(TestFiles.text(file, "none"));
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static List<JsonNode> lines(String text) throws Exception {
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Parses Hive's timestamp text independently of the writer's formatter. */
    private static long epochMillis(String hiveTimestamp) {
        assertThat(hiveTimestamp).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        return Instant.parse(hiveTimestamp.replace(' ', 'T') + "Z").toEpochMilli();
    }

    private static Double nullableDouble(JsonNode node) {
        return node.isNull() ? null : node.doubleValue();
    }

    private static Integer nullableInt(JsonNode node) {
        return node.isNull() ? null : node.intValue();
    }
}
