package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParquetFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none, UNCOMPRESSED", "snappy, SNAPPY", "gzip, GZIP", "zstd, ZSTD"})
    void readsBackEveryTickFieldByFieldInTheChosenCodec(String compression, CompressionCodecName codec)
            throws Exception {
        List<Struct> ticks = StockTicks.sample();
        byte[] file = TestFiles.write(
                FileFormats.create("parquet", compression), StockTicks.SCHEMA, StockTicks.records(ticks));

        ParquetFiles.Content content = ParquetFiles.read(file);

        assertThat(content.codecs()).isNotEmpty().containsOnly(codec);
        assertThat(content.rows()).hasSameSizeAs(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            Struct tick = ticks.get(i);
            Group row = content.rows().get(i);
            assertThat(row.getString("symbol", 0)).isEqualTo(tick.getString("symbol"));
            assertThat(row.getString("exchange", 0)).isEqualTo(tick.getString("exchange"));
            assertThat(row.getLong("event_time", 0)).isEqualTo(((Date) tick.get("event_time")).getTime());
            assertThat(row.getLong("seq", 0)).isEqualTo(tick.getInt64("seq"));
            assertThat(row.getDouble("price", 0)).isEqualTo(tick.getFloat64("price"));
            assertThat(row.getInteger("size", 0)).isEqualTo(tick.getInt32("size"));
            assertThat(optionalDouble(row, "bid")).isEqualTo(tick.getFloat64("bid"));
            assertThat(optionalDouble(row, "ask")).isEqualTo(tick.getFloat64("ask"));
            assertThat(optionalInt(row, "bid_size")).isEqualTo(tick.getInt32("bid_size"));
            assertThat(optionalInt(row, "ask_size")).isEqualTo(tick.getInt32("ask_size"));
            assertThat(row.getLong("day_volume", 0)).isEqualTo(tick.getInt64("day_volume"));
        }
    }

    @Test
    void mapsTimestampsToInt64MillisAdjustedToUtc() throws Exception {
        MessageType schema = ParquetFiles.read(ticksFile()).schema();

        PrimitiveType eventTime = schema.getType("event_time").asPrimitiveType();
        assertThat(eventTime.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(eventTime.getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS));
    }

    @Test
    void mapsPrimitiveFieldsAndOptionality() throws Exception {
        MessageType schema = ParquetFiles.read(ticksFile()).schema();

        assertThat(schema.getType("symbol").asPrimitiveType().getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("seq").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("price").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(schema.getType("size").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("symbol").getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
        assertThat(schema.getType("bid").getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
    }

    @Test
    void mapsSmallIntegersToAnnotatedInt32() throws Exception {
        Schema connect = SchemaBuilder.struct()
                .field("tiny", Schema.INT8_SCHEMA)
                .field("small", Schema.INT16_SCHEMA)
                .build();
        Struct value = new Struct(connect).put("tiny", (byte) -7).put("small", (short) 30_000);

        ParquetFiles.Content content = ParquetFiles.read(single(value));

        assertThat(content.schema().getType("tiny").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.intType(8, true));
        assertThat(content.schema().getType("small").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.intType(16, true));
        assertThat(content.rows().get(0).getInteger("tiny", 0)).isEqualTo(-7);
        assertThat(content.rows().get(0).getInteger("small", 0)).isEqualTo(30_000);
    }

    @Test
    void writesDatesAsInt32Days() throws Exception {
        Schema connect = SchemaBuilder.struct()
                .field("trade_date", org.apache.kafka.connect.data.Date.SCHEMA)
                .build();
        LocalDate day = LocalDate.of(2026, 11, 24);
        Struct value = new Struct(connect)
                .put("trade_date", Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));

        ParquetFiles.Content content = ParquetFiles.read(single(value));

        assertThat(content.schema().getType("trade_date").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.dateType());
        assertThat(content.rows().get(0).getInteger("trade_date", 0)).isEqualTo((int) day.toEpochDay());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"12345.6789", "-0.0001", "-99999999999999999999999999999999.9999", "0.0000"})
    void writesDecimalsExactly(String amount) throws Exception {
        Schema connect =
                SchemaBuilder.struct().field("notional", Decimal.schema(4)).build();
        BigDecimal notional = new BigDecimal(amount);

        ParquetFiles.Content content = ParquetFiles.read(single(new Struct(connect).put("notional", notional)));

        PrimitiveType column = content.schema().getType("notional").asPrimitiveType();
        assertThat(column.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(4, 38));
        byte[] stored = content.rows().get(0).getBinary("notional", 0).getBytes();
        assertThat(new BigDecimal(new BigInteger(stored), 4)).isEqualTo(notional);
    }

    @Test
    void takesDecimalPrecisionFromTheConverterParameter() throws Exception {
        Schema decimal =
                Decimal.builder(2).parameter("connect.decimal.precision", "9").build();
        Schema connect = SchemaBuilder.struct().field("price", decimal).build();

        ParquetFiles.Content content =
                ParquetFiles.read(single(new Struct(connect).put("price", new BigDecimal("1.25"))));

        PrimitiveType column = content.schema().getType("price").asPrimitiveType();
        assertThat(column.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 9));
        assertThat(column.getTypeLength()).isEqualTo(4);
    }

    @Test
    void rejectsADecimalBeyondItsPrecisionNamingTheField() throws Exception {
        Schema decimal =
                Decimal.builder(2).parameter("connect.decimal.precision", "4").build();
        Schema connect = SchemaBuilder.struct().field("price", decimal).build();
        RecordFileWriter writer = FileFormats.create("parquet", "none").open(connect, new ByteArrayOutputStream());

        assertThatThrownBy(() ->
                        writer.write(StockTicks.record(new Struct(connect).put("price", new BigDecimal("123.45")), 0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("price");
    }

    @Test
    void writesStructsAsGroupsAndListsAndMapsInTheStandardLayout() throws Exception {
        Schema quote = SchemaBuilder.struct()
                .field("bid", Schema.FLOAT64_SCHEMA)
                .field("ask", Schema.FLOAT64_SCHEMA)
                .build();
        Schema connect = SchemaBuilder.struct()
                .field("quote", quote)
                .field(
                        "conditions",
                        SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build())
                .field(
                        "venues",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA)
                                .build())
                .build();
        Map<String, Long> venues = new LinkedHashMap<>();
        venues.put("XNAS", 10L);
        venues.put("XNYS", 20L);
        java.util.ArrayList<String> conditions = new java.util.ArrayList<>();
        conditions.add("@");
        conditions.add(null);
        Struct value = new Struct(connect)
                .put("quote", new Struct(quote).put("bid", 1.5).put("ask", 1.75))
                .put("conditions", conditions)
                .put("venues", venues);

        ParquetFiles.Content content = ParquetFiles.read(single(value));

        MessageType expected = org.apache.parquet.schema.MessageTypeParser.parseMessageType("""
                message record {
                  required group quote { required double bid; required double ask; }
                  required group conditions (LIST) {
                    repeated group list { optional binary element (STRING); }
                  }
                  required group venues (MAP) {
                    repeated group key_value { required binary key (STRING); required int64 value; }
                  }
                }""");
        assertThat(content.schema()).isEqualTo(expected);
        Group row = content.rows().get(0);
        assertThat(row.getGroup("quote", 0).getDouble("ask", 0)).isEqualTo(1.75);
        Group list = row.getGroup("conditions", 0);
        assertThat(list.getFieldRepetitionCount("list")).isEqualTo(2);
        assertThat(list.getGroup("list", 0).getString("element", 0)).isEqualTo("@");
        assertThat(list.getGroup("list", 1).getFieldRepetitionCount("element")).isZero();
        Group map = row.getGroup("venues", 0);
        assertThat(map.getGroup("key_value", 1).getString("key", 0)).isEqualTo("XNYS");
        assertThat(map.getGroup("key_value", 1).getLong("value", 0)).isEqualTo(20L);
    }

    @Test
    void writesEmptyListsAndMapsAsPresentButEmptyAndNullMapValuesAsAbsent() throws Exception {
        Schema connect = SchemaBuilder.struct()
                .field("conditions", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field(
                        "venues",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA)
                                .build())
                .build();
        Map<String, Long> venues = new LinkedHashMap<>();
        venues.put("XNAS", null);
        Struct value = new Struct(connect).put("conditions", List.of()).put("venues", venues);

        Group row = ParquetFiles.read(single(value)).rows().get(0);

        assertThat(row.getFieldRepetitionCount("conditions")).isEqualTo(1);
        assertThat(row.getGroup("conditions", 0).getFieldRepetitionCount("list"))
                .isZero();
        Group entry = row.getGroup("venues", 0).getGroup("key_value", 0);
        assertThat(entry.getString("key", 0)).isEqualTo("XNAS");
        assertThat(entry.getFieldRepetitionCount("value")).isZero();
    }

    @Test
    void rejectsABadListElementNamingItsIndexAndWritesNothingOfTheRecord() throws Exception {
        Schema connect = SchemaBuilder.struct()
                .field("seq", Schema.INT64_SCHEMA)
                .field("sizes", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "none").open(connect, out);
        java.util.ArrayList<Object> sizes = new java.util.ArrayList<>(List.of(1, 2));
        Struct bad = new Struct(connect).put("seq", 2L).put("sizes", sizes);
        sizes.add("three"); // after put(), which validates: as a struct built by hand can end up

        writer.write(StockTicks.record(new Struct(connect).put("seq", 1L).put("sizes", List.of(10)), 0));
        assertThatThrownBy(() -> writer.write(StockTicks.record(bad, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("sizes[2]");
        writer.write(StockTicks.record(new Struct(connect).put("seq", 3L).put("sizes", List.of(30, 31)), 2));
        writer.finish();

        List<Group> rows = ParquetFiles.read(out.toByteArray()).rows();
        assertThat(rows).extracting(row -> row.getLong("seq", 0)).containsExactly(1L, 3L);
        assertThat(rows.get(1).getGroup("sizes", 0).getFieldRepetitionCount("list"))
                .isEqualTo(2);
    }

    @Test
    void writesAStructOfAnotherSchemaInstanceByFieldName() throws Exception {
        Schema file = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("bid", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("seq", Schema.INT64_SCHEMA)
                .build();
        Schema reordered = SchemaBuilder.struct()
                .field("seq", Schema.INT64_SCHEMA)
                .field("symbol", Schema.STRING_SCHEMA)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "none").open(file, out);

        writer.write(StockTicks.record(new Struct(reordered).put("seq", 7L).put("symbol", "MSFT"), 0));
        writer.finish();

        Group row = ParquetFiles.read(out.toByteArray()).rows().get(0);
        assertThat(row.getString("symbol", 0)).isEqualTo("MSFT");
        assertThat(row.getLong("seq", 0)).isEqualTo(7L);
        assertThat(row.getFieldRepetitionCount("bid")).isZero();
    }

    @Test
    void sizeCountsTheRowGroupStillInMemory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "snappy").open(StockTicks.SCHEMA, out);
        long empty = writer.size();

        for (SinkRecord record : StockTicks.records(StockTicks.sample())) {
            writer.write(record);
        }

        assertThat(writer.size()).isGreaterThan(empty);
        assertThat((long) out.size()).isLessThan(writer.size());
    }

    @Test
    void rejectsAWrongTypedRecordNamingTheFieldAndWritesNothingOfIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "zstd").open(StockTicks.SCHEMA, out);
        Struct good = StockTicks.sample().get(0);
        writer.write(StockTicks.record(good, 0));

        assertThatThrownBy(() -> writer.write(CsvFormatTest.wrongTypedSize(good, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'size'");
        writer.write(StockTicks.record(good, 2));
        writer.finish();

        assertThat(ParquetFiles.read(out.toByteArray()).rows())
                .extracting(row -> row.getLong("seq", 0))
                .containsExactly(1L, 1L);
    }

    @Test
    void rejectsRecordsWithFieldsTheFileSchemaLacks() throws Exception {
        Schema narrow =
                SchemaBuilder.struct().field("symbol", Schema.STRING_SCHEMA).build();
        RecordFileWriter writer = FileFormats.create("parquet", "none").open(narrow, new ByteArrayOutputStream());

        assertThatThrownBy(
                        () -> writer.write(StockTicks.record(StockTicks.sample().get(0), 0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("exchange");
    }

    @Test
    void refusesSchemalessValues() {
        FileFormat parquet = FileFormats.create("parquet", "snappy");

        assertThatThrownBy(() -> parquet.open(null, new ByteArrayOutputStream()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("schema");
    }

    @Test
    void flushesFullRowGroupsWhileWriting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer =
                new ParquetFileFormat(CompressionCodecName.UNCOMPRESSED, 1024).open(StockTicks.SCHEMA, out);
        Struct tick = StockTicks.sample().get(0);

        for (int i = 0; i < 5_000; i++) {
            writer.write(StockTicks.record(tick, i));
        }
        long writtenBeforeFinish = out.size();
        writer.finish();

        assertThat(writtenBeforeFinish).isGreaterThan(4);
        ParquetFiles.Content content = ParquetFiles.read(out.toByteArray());
        assertThat(content.rowGroups()).isGreaterThan(1);
        assertThat(content.rows()).hasSize(5_000);
    }

    private static byte[] ticksFile() throws Exception {
        return TestFiles.write(
                FileFormats.create("parquet", "snappy"), StockTicks.SCHEMA, StockTicks.records(StockTicks.sample()));
    }

    private static byte[] single(Struct value) throws Exception {
        return TestFiles.write(
                FileFormats.create("parquet", "none"), value.schema(), List.of(StockTicks.record(value, 0)));
    }

    private static Double optionalDouble(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getDouble(field, 0);
    }

    private static Integer optionalInt(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getInteger(field, 0);
    }
}
