package io.stocklake.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.config.TableNaming;
import io.stocklake.sink.config.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordRouterTest {

    private static final PathTemplate DT_HOUR = PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH");
    private static final Instant EVENT = Instant.parse("2026-11-24T23:15:00Z");
    private static final Instant KAFKA_TIME = Instant.parse("2026-11-20T01:00:00Z");

    private static RecordRouter router(TimeSource source, String field, List<String> fields, ZoneId zone) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T12:00:00Z"), ZoneOffset.UTC);
        return new RecordRouter(new TableNaming(""), DT_HOUR, fields, PartitionTime.from(source, field, clock), zone);
    }

    private static SinkRecord record(Object value) {
        return new SinkRecord(
                "stock-ticks", 3, null, null, null, value, 42, KAFKA_TIME.toEpochMilli(), TimestampType.CREATE_TIME);
    }

    private static Map<String, Object> tick(String symbol, Object ts) {
        Map<String, Object> value = new HashMap<>();
        value.put("symbol", symbol);
        value.put("ts", ts);
        return value;
    }

    private static String path(RecordRouter router, SinkRecord record) {
        return router.route(record).destination().partition().path();
    }

    @Test
    void recordTimestampPicksTheTimePartitionInUtcByDefault() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of(), ZoneOffset.UTC);
        assertThat(path(router, record(tick("AAPL", 0L)))).isEqualTo("dt=2026-11-20/hour=01");
    }

    @Test
    void aTombstoneGoesToTheNullPartitionOfEachPartitionField() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of("symbol"), ZoneOffset.UTC);

        assertThat(path(router, record(null))).isEqualTo("dt=2026-11-20/hour=01/symbol=__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void epochMillisFieldPicksTheTimePartition() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        assertThat(path(router, record(tick("AAPL", EVENT.toEpochMilli())))).isEqualTo("dt=2026-11-24/hour=23");
    }

    @Test
    void timezoneShiftsDayAndHour() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneId.of("Asia/Tokyo"));
        assertThat(path(router, record(tick("AAPL", EVENT.toEpochMilli())))).isEqualTo("dt=2026-11-25/hour=08");
    }

    @Test
    void isoStringAndConnectTimestampFieldsAreTimes() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        assertThat(path(router, record(tick("AAPL", "2026-11-24T18:15:00-05:00"))))
                .isEqualTo("dt=2026-11-24/hour=23");

        Schema schema = SchemaBuilder.struct().field("ts", Timestamp.SCHEMA).build();
        Struct value = new Struct(schema).put("ts", Date.from(EVENT));
        assertThat(path(router, record(value))).isEqualTo("dt=2026-11-24/hour=23");
    }

    @Test
    void nestedTimeFieldIsFoundByDots() {
        RecordRouter router = router(TimeSource.FIELD, "meta.ts", List.of(), ZoneOffset.UTC);
        assertThat(path(router, record(Map.of("meta", Map.of("ts", EVENT.toEpochMilli())))))
                .isEqualTo("dt=2026-11-24/hour=23");
    }

    @Test
    void wallClockTimeComesFromTheClock() {
        RecordRouter router = router(TimeSource.WALLCLOCK, "", List.of(), ZoneOffset.UTC);
        assertThat(path(router, record(tick("AAPL", 0L)))).isEqualTo("dt=2026-12-31/hour=12");
    }

    @Test
    void partitionFieldsFollowTheTimeLevels() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        Route route = router.route(record(tick("AAPL", EVENT.toEpochMilli())));

        assertThat(route.destination().partition().path()).isEqualTo("dt=2026-11-24/hour=23/symbol=AAPL");
        assertThat(route.destination().partition().values()).containsExactly("2026-11-24", "23", "AAPL");
        assertThat(router.partitionKeys()).containsExactly("dt", "hour", "symbol");
    }

    @Test
    void partitionValuesAreEscapedInThePathAsHiveEscapesThem() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        assertThat(path(router, record(tick("BRK/B=x %é:#", EVENT.toEpochMilli()))))
                .endsWith("/symbol=BRK%2FB%3Dx %25é%3A%23");
        assertThat(path(router, record(tick("BRK.B-1_x", EVENT.toEpochMilli()))))
                .endsWith("/symbol=BRK.B-1_x");
    }

    @Test
    void theCatalogGetsTheRawPartitionValues() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        assertThat(router.route(record(tick("A/B=%", EVENT.toEpochMilli())))
                        .destination()
                        .partition()
                        .values())
                .containsExactly("2026-11-24", "23", "A/B=%");
    }

    @Test
    void distinctPartitionValuesNeverShareAFolder() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        List<String> values = List.of("A/B", "A_B", "A%2FB", "A B", "A:B", "A=B", "A.B");
        assertThat(values)
                .extracting(v -> path(router, record(tick(v, EVENT.toEpochMilli()))))
                .doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p.split("/")).hasSize(3));
    }

    @Test
    void aPartitionValueTooLongForAnS3KeyIsADataExceptionNamingTheField() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        assertThat(path(router, record(tick("A".repeat(PartitionValue.MAX_ESCAPED_BYTES), EVENT.toEpochMilli()))))
                .endsWith("A".repeat(PartitionValue.MAX_ESCAPED_BYTES));
        assertThatThrownBy(() -> router.route(record(tick("/".repeat(100), EVENT.toEpochMilli()))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("symbol");
    }

    @Test
    void timeFieldOutsideYearsOneTo9999IsADataExceptionNamingTheField() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        for (Object extreme : List.of(
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("0000-06-01T00:00:00Z").toEpochMilli(),
                "+10000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59.999999999-18:00",
                Date.from(Instant.parse("+20000-01-01T00:00:00Z")))) {
            assertThatThrownBy(() -> router.route(record(tick("AAPL", extreme))))
                    .as("%s", extreme)
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("time field ts")
                    .hasMessageContaining("outside years 0001 to 9999");
        }
    }

    @Test
    void recordTimestampOutsideYearsOneTo9999IsADataException() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of(), ZoneOffset.UTC);
        SinkRecord extreme = new SinkRecord(
                "stock-ticks", 3, null, null, null, tick("AAPL", 0L), 42, Long.MAX_VALUE, TimestampType.CREATE_TIME);
        assertThatThrownBy(() -> router.route(extreme))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("record timestamp");
    }

    @Test
    void theFirstAndLastMillisecondOfYearsOneTo9999AreRouted() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        assertThat(path(
                        router,
                        record(tick(
                                "AAPL", Instant.parse("0001-01-01T00:00:00Z").toEpochMilli()))))
                .isEqualTo("dt=0001-01-01/hour=00");
        assertThat(path(
                        router,
                        record(tick(
                                "AAPL",
                                Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()))))
                .isEqualTo("dt=9999-12-31/hour=23");
    }

    @Test
    void aZoneThatMovesTheLocalDateOutOfYearsOneTo9999MakesABadRecord() {
        RecordRouter east = router(TimeSource.FIELD, "ts", List.of(), ZoneId.of("Pacific/Kiritimati"));
        RecordRouter west = router(TimeSource.FIELD, "ts", List.of(), ZoneId.of("Etc/GMT+12"));
        assertThatThrownBy(() -> east.route(record(
                        tick("AAPL", Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("year 10000");
        assertThatThrownBy(() -> west.route(record(
                        tick("AAPL", Instant.parse("0001-01-01T00:00:00Z").toEpochMilli()))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("year 0");
    }

    /**
     * Seeded random times over every long and near the range's edges, in zones east and west of UTC: each record is
     * routed or is a DataException, never another exception (which would fail the task instead of the record).
     */
    @Test
    void anyEpochMillisIsRoutedOrIsABadRecord() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261207L);
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Etc/GMT+12"))) {
            RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), zone);
            for (int i = 0; i < 5_000; i++) {
                long millis = i % 2 == 0
                        ? random.nextLong()
                        : (random.nextBoolean()
                                        ? Long.MAX_VALUE - random.nextLong(0, 1_000_000)
                                        : Long.MIN_VALUE + random.nextLong(0, 1_000_000))
                                / (random.nextBoolean() ? 1 : 30_000);
                SinkRecord r = record(tick("AAPL", millis));
                try {
                    assertThat(router.route(r).time().toEpochMilli()).isEqualTo(millis);
                } catch (DataException expected) {
                    assertThat(expected).hasMessageContaining("outside years 0001 to 9999");
                }
            }
        }
    }

    @Test
    void nullAndEmptyPartitionValuesUseHiveDefaultPartition() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC);
        assertThat(path(router, record(tick(null, EVENT.toEpochMilli()))))
                .endsWith("/symbol=__HIVE_DEFAULT_PARTITION__");
        assertThat(path(router, record(tick("", EVENT.toEpochMilli())))).endsWith("/symbol=__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void missingTimeFieldIsADataExceptionNamingTheField() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        assertThatThrownBy(() -> router.route(record(Map.of("symbol", "AAPL"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("ts");
    }

    @Test
    void timeFieldOfTheWrongTypeIsADataException() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        assertThatThrownBy(() -> router.route(record(tick("AAPL", 1.5))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("ts")
                .hasMessageContaining("Double");
    }

    @Test
    void missingPartitionFieldIsADataExceptionNamingTheField() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of("venue"), ZoneOffset.UTC);
        assertThatThrownBy(() -> router.route(record(tick("AAPL", 0L))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("venue");
    }

    @Test
    void structuredPartitionFieldIsADataException() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of("symbol"), ZoneOffset.UTC);
        Map<String, Object> value = tick("AAPL", 0L);
        value.put("symbol", List.of("A"));
        assertThatThrownBy(() -> router.route(record(value)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("symbol");
    }

    @Test
    void consecutiveRecordsOfOtherTopicsAndHoursGetTheirOwnDestinations() {
        RecordRouter router = router(TimeSource.FIELD, "ts", List.of(), ZoneOffset.UTC);
        long hour = EVENT.toEpochMilli();
        SinkRecord first = record(tick("AAPL", hour));
        SinkRecord otherTopic = new SinkRecord(
                "fx-ticks",
                0,
                null,
                null,
                null,
                tick("EUR", hour),
                7,
                KAFKA_TIME.toEpochMilli(),
                TimestampType.CREATE_TIME);
        SinkRecord nextHour = record(tick("AAPL", hour + 3_600_000L));

        assertThat(List.of(first, otherTopic, nextHour, first))
                .extracting(r -> router.route(r).destination())
                .containsExactly(
                        new Destination(
                                "stock_ticks",
                                new PartitionPath(List.of(
                                        new PartitionValue("dt", "2026-11-24"), new PartitionValue("hour", "23")))),
                        new Destination(
                                "fx_ticks",
                                new PartitionPath(List.of(
                                        new PartitionValue("dt", "2026-11-24"), new PartitionValue("hour", "23")))),
                        new Destination(
                                "stock_ticks",
                                new PartitionPath(List.of(
                                        new PartitionValue("dt", "2026-11-25"), new PartitionValue("hour", "00")))),
                        new Destination(
                                "stock_ticks",
                                new PartitionPath(List.of(
                                        new PartitionValue("dt", "2026-11-24"), new PartitionValue("hour", "23")))));
    }

    @Test
    void tableIsTheTopicMadeAValidGlueName() {
        RecordRouter router = router(TimeSource.RECORD, "", List.of(), ZoneOffset.UTC);
        assertThat(router.route(record(tick("AAPL", 0L))).destination().table()).isEqualTo("stock_ticks");
        assertThat(new TableNaming("").tableFor("2024.Trades-EU")).isEqualTo("t_2024_trades_eu");
        assertThat(new TableNaming("ticks").tableFor("stock-ticks")).isEqualTo("ticks");
    }

    @Test
    void dataKeyEndsWithTopicPartitionAndZeroPaddedStartOffset() {
        ObjectLayout layout = new ObjectLayout("stock-lake", "topics");
        Destination destination = router(TimeSource.FIELD, "ts", List.of("symbol"), ZoneOffset.UTC)
                .route(record(tick("AAPL", EVENT.toEpochMilli())))
                .destination();

        assertThat(layout.dataKey(destination, new TopicPartition("stock-ticks", 3), 42, ".parquet"))
                .isEqualTo(
                        "topics/stock_ticks/dt=2026-11-24/hour=23/symbol=AAPL/stock-ticks+3+00000000000000000042.parquet");
        assertThat(layout.uri(layout.partitionLocation(destination)))
                .isEqualTo("s3://stock-lake/topics/stock_ticks/dt=2026-11-24/hour=23/symbol=AAPL/");
    }

    @Test
    void boundaryLogsLiveOutsideTheTableFolder() {
        ObjectLayout layout = new ObjectLayout("stock-lake", "topics");
        String key = layout.boundaryLogKey("stock_ticks", new TopicPartition("stock-ticks", 3));

        assertThat(key).isEqualTo("topics/_boundaries/stock_ticks/stock-ticks/3/log");
        assertThat(key).doesNotStartWith(layout.tableLocation("stock_ticks"));
    }
}
