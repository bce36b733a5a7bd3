package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a time or decimal field holds, every format either writes the record or refuses it with a DataException
 * naming the field, having written nothing: never another exception, which would fail the task instead of sending
 * the record to the dead letter queue.
 */
class ExtremeValuesTest {

    private static final Schema SCHEMA = SchemaBuilder.struct()
            .name("Extreme")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("at", Timestamp.builder().optional().build())
            .field(
                    "day",
                    org.apache.kafka.connect.data.Date.builder().optional().build())
            .field("amount", Decimal.builder(2).optional().build())
            .build();

    private static final long[] EXTREMES = {
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        millis("+10000-01-01T00:00:00Z"),
        millis("0000-01-01T00:00:00Z"),
        millis("0000-12-31T23:59:59.999Z"),
        millis("9999-12-31T23:59:59.999Z") + 1
    };

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void timestampsOutsideYearsOneTo9999AreRefusedNamingTheField(String format) throws IOException {
        for (long extreme : EXTREMES) {
            Writer writer = new Writer(format);
            assertThatThrownBy(() -> writer.write(value().put("at", new Date(extreme))))
                    .as("%d", extreme)
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'at'")
                    .hasMessageContaining("outside years 0001 to 9999");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void datesOutsideYearsOneTo9999AreRefusedNamingTheField(String format) {
        for (String day : new String[] {"+10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z", "-5000-01-01T00:00:00Z"}) {
            Writer writer = new Writer(format);
            assertThatThrownBy(() -> writer.write(value().put("day", Date.from(Instant.parse(day)))))
                    .as(day)
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'day'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void theFirstAndLastMillisecondOfTheRangeAreWritten(String format) throws IOException {
        Writer writer = new Writer(format);
        writer.write(value().put("at", Date.from(TimeRange.FIRST)).put("day", Date.from(TimeRange.FIRST)));
        writer.write(value().put("at", Date.from(TimeRange.LAST))
                .put("day", Date.from(Instant.parse("9999-12-31T00:00:00Z"))));

        assertThat(writer.finish()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void decimalsBeyondTheColumnAreRefusedWithoutWorkingThroughTheirDigits(String format) {
        for (BigDecimal huge : new BigDecimal[] {
            new BigDecimal(BigInteger.ONE, -1_000_000_000),
            new BigDecimal(BigInteger.ONE, 1_000_000_000),
            new BigDecimal("1E+40"),
            new BigDecimal("1.001")
        }) {
            Writer writer = new Writer(format);
            assertThatThrownBy(() -> writer.write(value().put("amount", huge)))
                    .as(huge.toString())
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'amount'")
                    .message()
                    .hasSizeLessThan(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void aRefusedRecordLeavesTheFileWhole(String format) throws IOException {
        Writer writer = new Writer(format);
        writer.write(value().put("at", new Date(0)));
        assertThatThrownBy(() -> writer.write(value().put("at", new Date(Long.MAX_VALUE))))
                .isInstanceOf(DataException.class);
        writer.write(value().put("at", new Date(1)).put("amount", new BigDecimal("12.34")));

        assertThat(writer.finish()).isEqualTo(2);
    }

    /** Seeded random times over the whole range of a long: written exactly when inside years 1 to 9999. */
    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void anyTimestampIsWrittenOrRefusedAsABadRecord(String format) throws IOException {
        SplittableRandom random = new SplittableRandom(20261207L);
        Writer writer = new Writer(format);
        int written = 0;
        for (int i = 0; i < 3_000; i++) {
            // Half spread over every long, half near the range's edges, where the arithmetic turns.
            long millis = i % 2 == 0
                    ? random.nextLong()
                    : (random.nextBoolean() ? TimeRange.FIRST : TimeRange.LAST).toEpochMilli()
                            + random.nextLong(-100_000, 100_000);
            Struct value = value().put("at", new Date(millis));
            if (TimeRange.holdsMillis(millis)) {
                writer.write(value);
                written++;
            } else {
                assertThatThrownBy(() -> writer.write(value))
                        .as("%d", millis)
                        .isInstanceOf(DataException.class)
                        .hasMessageContaining("'at'");
            }
        }
        assertThat(writer.finish()).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json"})
    void schemalessValuesAreCheckedToo(String format) throws IOException {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("at", new Date(Long.MAX_VALUE));
        Map<String, Object> decimal = new LinkedHashMap<>();
        decimal.put("amount", new BigDecimal(BigInteger.ONE, -1_000_000));
        for (Map<String, Object> value : java.util.List.of(time, decimal)) {
            RecordFileWriter writer = FileFormats.create(format, "none").open(null, new ByteArrayOutputStream());
            assertThatThrownBy(() -> writer.write(StockTicks.schemaless(value, 0)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining(value.keySet().iterator().next());
        }
    }

    private static Struct value() {
        return new Struct(SCHEMA).put("symbol", "AAPL");
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** One file of a format; counts the rows it holds once finished. */
    private static final class Writer {
        private final String format;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final RecordFileWriter writer;
        private long offset;

        Writer(String format) {
            this.format = format;
            try {
                this.writer = FileFormats.create(format, "none").open(SCHEMA, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(Struct value) throws IOException {
            SinkRecord record = new SinkRecord("ticks", 0, null, null, SCHEMA, value, offset++);
            writer.write(record);
        }

        int finish() throws IOException {
            writer.finish();
            if (format.equals("parquet")) {
                return ParquetFiles.read(out.toByteArray()).rows().size();
            }
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            int lines = text.isEmpty() ? 0 : text.split("\n").length;
            return format.equals("csv") ? lines - 1 : lines;
        }
    }
}
