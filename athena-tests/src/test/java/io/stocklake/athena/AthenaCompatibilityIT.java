package io.stocklake.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.athena.ExpectedAnswers.HourlyVwap;
import io.stocklake.athena.ExpectedAnswers.Mover;
import io.stocklake.athena.ExpectedAnswers.OhlcvBar;
import io.stocklake.athena.ExpectedAnswers.SpreadStats;
import io.stocklake.athena.ExpectedAnswers.TicksInSecond;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.trino.QueryResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Athena compatibility end to end, on the real parts: the source connector writes a known set of ticks (several
 * dt/hour partitions over two days) to one topic; one sink connector per format and compression (and one projection
 * table per format) writes its own table and registers it in Glue; Trino, the engine Athena runs, reads every table
 * through the Glue API. Every answer is checked against the Kafka records, read independently of the sink.
 */
class AthenaCompatibilityIT {

    private static final String TABLES = "io.stocklake.athena.AthenaCompatibilityIT#tables";
    private static final String REGISTERED_TABLES = "io.stocklake.athena.AthenaCompatibilityIT#registeredTables";
    private static final String TEXT_TABLES = "io.stocklake.athena.AthenaCompatibilityIT#textTables";
    private static final String PROJECTED_TABLES = "io.stocklake.athena.AthenaCompatibilityIT#projectedTables";
    /** One table per format, the last one projected: the analytics queries run on each. */
    private static final String ANALYTICS_TABLES = "io.stocklake.athena.AthenaCompatibilityIT#analyticsTables";
    /** Doubles of sums and averages: Trino and Java add in different orders. */
    private static final RecursiveComparisonConfiguration CLOSE_DOUBLES = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(
                    (Double a, Double b) ->
                            Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b),
                    Double.class)
            .build();

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).workerHeap("768m").build();
    static final AthenaStandIn athena = new AthenaStandIn(stack);

    /** One stack and one Trino for this class and its nested groups; Trino's S3 is the stack's. */
    @RegisterExtension
    static final OncePerTestClass lifecycle = OncePerTestClass.of(new StackLifecycle(stack), athena);

    private static ProducedTicks produced;

    @BeforeAll
    static void produceTicksAndSinkThemIntoEveryTable() throws Exception {
        produced =
                new TickPipeline(stack, athena.glueEndpoint()).run(TickSource.fromSystemProperty(), SinkTable.matrix());
    }

    static Stream<SinkTable> tables() {
        return SinkTable.matrix().stream();
    }

    static Stream<SinkTable> registeredTables() {
        return tables().filter(table -> !table.projected());
    }

    static Stream<SinkTable> textTables() {
        return registeredTables().filter(table -> !table.format().equals("parquet"));
    }

    static Stream<SinkTable> projectedTables() {
        return tables().filter(SinkTable::projected);
    }

    static Stream<SinkTable> analyticsTables() {
        return Stream.of(
                SinkTable.of("json", "gzip", false),
                SinkTable.of("csv", "zstd", false),
                SinkTable.of("parquet", "snappy", true));
    }

    @Test
    void theKnownDataSpansSeveralPartitionsOverTwoDays() {
        assertThat(produced.count()).isEqualTo(TickSource.fromSystemProperty().ticks());
        assertThat(produced.countsByPartition().keySet())
                .hasSizeGreaterThanOrEqualTo(4)
                .extracting(HivePartition::dt)
                .containsOnly("2026-03-02", "2026-03-03");
    }

    /** Counts, aggregates and pruning: every table reads back exactly what Kafka holds. */
    @Nested
    class EveryFormatAndCompression {

        @ParameterizedTest(name = "{0}")
        @MethodSource(TABLES)
        void countsMatchKafkaPerPartitionAndInTotal(SinkTable table) {
            QueryResult perPartition =
                    athena.query("SELECT dt, hour, count(*) FROM " + table.qualifiedName() + " GROUP BY dt, hour");

            SortedMap<HivePartition, Long> counts = new TreeMap<>();
            perPartition
                    .rows()
                    .forEach(row ->
                            counts.put(new HivePartition((String) row.get(0), (String) row.get(1)), (Long) row.get(2)));
            assertThat(counts).isEqualTo(produced.countsByPartition());
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(produced.count());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(TABLES)
        void perSymbolPriceSizeAndEventTimeAggregatesMatchKafka(SinkTable table) {
            QueryResult result = athena.query(SymbolAggregates.query(table.qualifiedName()));

            assertThat(result.rows())
                    .containsExactlyElementsOf(produced.symbolAggregates().stream()
                            .map(SymbolAggregates::asRow)
                            .toList());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(TABLES)
        void aDtAndHourFilterReadsOnlyThatPartition(SinkTable table) {
            HivePartition partition = produced.busiestPartition(produced.sampleDay());
            long expected = produced.countsByPartition().get(partition);

            QueryResult result = athena.query("SELECT count(*) FROM " + table.qualifiedName() + " WHERE dt = '"
                    + partition.dt() + "' AND hour = '" + partition.hour() + "'");

            assertThat(result.onlyValue()).isEqualTo(expected);
            assertThat(result.inputRows()).as("rows read from files").isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(REGISTERED_TABLES)
        void glueListsExactlyThePartitionsThatHaveData(SinkTable table) {
            assertThat(registeredPartitions(table))
                    .containsExactlyInAnyOrderElementsOf(
                            produced.countsByPartition().keySet());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(PROJECTED_TABLES)
        void projectedTablesRegisterNoPartitions(SinkTable table) {
            assertThat(registeredPartitions(table)).isEmpty();
            assertThat(glueTable(table).parameters()).containsEntry("projection.enabled", "true");
        }

        private List<HivePartition> registeredPartitions(SinkTable table) {
            return athena
                    .glue()
                    .getPartitionsPaginator(
                            request -> request.databaseName(SinkTable.DATABASE).tableName(table.name()))
                    .stream()
                    .flatMap(page -> page.partitions().stream())
                    .map(Partition::values)
                    .map(values -> new HivePartition(values.get(0), values.get(1)))
                    .toList();
        }
    }

    /**
     * Kafka metadata columns, tombstones as rows and schemaless JSON, read by Trino through Glue: small topics of their
     * own on this class's stack.
     */
    @Nested
    class KafkaMetadataAndSchemalessJson {

        @BeforeAll
        static void writeTheMetadataTables() throws Exception {
            MetadataTables.write(stack, athena.glueEndpoint(), athena.glue());
        }

        static Stream<String> formats() {
            return MetadataTables.FORMATS.stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("formats")
        void everyKafkaRecordIsOneRowByItsPartitionAndOffset(String format) {
            QueryResult result = athena.query("SELECT kafka_partition, count(*), count(DISTINCT kafka_offset), "
                    + "min(kafka_offset), max(kafka_offset) FROM " + qualified(format)
                    + " GROUP BY kafka_partition ORDER BY kafka_partition");

            int ticks = MetadataTables.TICKS_PER_SYMBOL;
            assertThat(result.rows().stream()
                            .map(row -> row.stream()
                                    .map(v -> ((Number) v).longValue())
                                    .toList()))
                    .containsExactly(
                            List.of(0L, ticks + 1L, ticks + 1L, 0L, (long) ticks),
                            List.of(1L, (long) ticks, (long) ticks, 0L, ticks - 1L));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("formats")
        void theLatestRowPerKeyIsItsTombstoneOnceDeleted(String format) {
            QueryResult result = athena.query("SELECT kafka_key, max_by(symbol, kafka_offset), "
                    + "max_by(seq, kafka_offset) FROM " + qualified(format) + " GROUP BY kafka_key ORDER BY kafka_key");

            assertThat(result.rows())
                    .containsExactly(
                            java.util.Arrays.asList("AAPL", null, null),
                            List.of("MSFT", "MSFT", (long) MetadataTables.TICKS_PER_SYMBOL - 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("formats")
        void coordinatesTimestampAndHeadersAreTheRecords(String format) {
            QueryResult result = athena.query("SELECT kafka_topic, kafka_timestamp, kafka_headers['source'] FROM "
                    + qualified(format) + " WHERE kafka_key = 'MSFT' AND seq = 2");

            assertThat(result.rows())
                    .containsExactly(List.of(
                            MetadataTables.KEYED_TOPIC,
                            java.time.LocalDateTime.ofInstant(
                                    MetadataTables.START.plusSeconds(2), java.time.ZoneOffset.UTC),
                            "feed-2"));
        }

        @Test
        void schemalessJsonLandsInThePreCreatedTableByItsColumnTypes() {
            QueryResult result = athena.query("SELECT symbol, price, at FROM " + SinkTable.DATABASE + "."
                    + MetadataTables.SCHEMALESS_TABLE + " ORDER BY symbol");

            assertThat(result.rows())
                    .containsExactly(
                            List.of("AAPL", 101.25, java.time.LocalDateTime.parse("2026-03-02T10:00:00")),
                            List.of("MSFT", 7.0, java.time.LocalDateTime.parse("2026-03-02T10:00:01")));
            assertThat(io.stocklake.stack.TopicReader.readUncommitted(
                                    stack.broker().bootstrapServers())
                            .endOffsetSum(MetadataTables.DLQ))
                    .as("the tick whose price is no number")
                    .isEqualTo(1);
        }

        private static String qualified(String format) {
            return SinkTable.DATABASE + "." + MetadataTables.keyedTable(format);
        }
    }

    /** athena/ddl/*.sql state what the sink creates: the same Glue table, field by field. */
    @Nested
    class UserDdl {

        static Stream<Arguments> ddlFiles() {
            return Stream.of(
                    Arguments.of("stock_ticks_json.sql", SinkTable.of("json", "gzip", false)),
                    Arguments.of("stock_ticks_csv.sql", SinkTable.of("csv", "gzip", false)),
                    Arguments.of("stock_ticks_parquet.sql", SinkTable.of("parquet", "snappy", false)),
                    Arguments.of("stock_ticks_parquet_projection.sql", SinkTable.of("parquet", "snappy", true)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void serdeAndItsPropertiesAreTheSinks(String file, SinkTable table) {
            HiveDdl ddl = ddl(file);
            Table created = glueTable(table);

            assertThat(created.storageDescriptor().serdeInfo().serializationLibrary())
                    .isEqualTo(ddl.serde());
            assertThat(created.storageDescriptor().serdeInfo().parameters()).isEqualTo(ddl.serdeProperties());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void inputAndOutputFormatsAreTheSinks(String file, SinkTable table) {
            HiveDdl ddl = ddl(file);
            Table created = glueTable(table);

            assertThat(created.storageDescriptor().inputFormat()).isEqualTo(ddl.inputFormat());
            assertThat(created.storageDescriptor().outputFormat()).isEqualTo(ddl.outputFormat());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void columnsAndTypesAreTheSinksInOrder(String file, SinkTable table) {
            assertThat(columns(glueTable(table).storageDescriptor().columns()))
                    .isEqualTo(ddl(file).columns());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void partitionKeysAreTheSinks(String file, SinkTable table) {
            assertThat(columns(glueTable(table).partitionKeys()))
                    .isEqualTo(ddl(file).partitionKeys());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void tablePropertiesAreTheSinks(String file, SinkTable table) {
            Map<String, String> expected = new LinkedHashMap<>();
            // CREATE EXTERNAL TABLE: Athena sets EXTERNAL=TRUE itself.
            expected.put("EXTERNAL", "TRUE");
            ddl(file).tableProperties().forEach((key, value) -> expected.put(key, atTablesLocation(value, table)));

            assertThat(glueTable(table).parameters()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ddlFiles")
        void locationIsTheSinksTableFolder(String file, SinkTable table) {
            HiveDdl ddl = ddl(file);

            assertThat(glueTable(table).storageDescriptor().location())
                    .isEqualTo(atTablesLocation(ddl.location(), table));
            assertThat(glueTable(table).tableType()).isEqualTo("EXTERNAL_TABLE");
        }

        @Test
        void everyDdlFileNamesTheTableTheAnalyticsQueriesRead() {
            ddlFiles()
                    .forEach(arguments -> assertThat(
                                    ddl((String) arguments.get()[0]).table())
                            .isEqualTo(AthenaQuery.USERS_TABLE.substring("awsdatacatalog.".length())));
        }

        private HiveDdl ddl(String file) {
            return HiveDdl.read(AthenaQuery.directory().resolve("ddl").resolve(file));
        }

        private List<HiveDdl.Column> columns(List<Column> columns) {
            return columns.stream()
                    .map(c -> new HiveDdl.Column(
                            c.name(), c.type().replaceAll("\\s+", "").toLowerCase(Locale.ROOT)))
                    .toList();
        }

        /** The DDL names the users' table folder {@code topics/stock_ticks/}; each sink of the matrix has its own. */
        private String atTablesLocation(String value, SinkTable table) {
            return value.replace("s3://" + SinkTable.BUCKET + "/topics/stock_ticks/", table.location());
        }
    }

    /** athena/*.sql, run as users run them (parameters bound), answer what the Kafka records say they must. */
    @Nested
    class AnalyticsQueries {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ANALYTICS_TABLES)
        void ohlcvBarsPerSymbolAndMinute(SinkTable table) {
            String day = produced.sampleDay();

            List<OhlcvBar> bars = run("ohlcv_1m.sql", table, OhlcvBar::fromRow, day);

            assertThat(bars)
                    .hasSizeGreaterThan(100)
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(OhlcvBar.expected(produced, day));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(ANALYTICS_TABLES)
        void vwapPerSymbolPerHour(SinkTable table) {
            String day = produced.sampleDay();

            List<HourlyVwap> vwaps = run("vwap_hourly.sql", table, HourlyVwap::fromRow, day);

            assertThat(vwaps)
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(HourlyVwap.expected(produced, day));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(ANALYTICS_TABLES)
        void topMoversOfTheDay(SinkTable table) {
            String day = produced.sampleDay();

            List<Mover> movers = run("top_movers.sql", table, Mover::fromRow, day);

            assertThat(movers)
                    .hasSize(10)
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(Mover.expected(produced, day));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(ANALYTICS_TABLES)
        void spreadStatisticsPerSymbol(SinkTable table) {
            String day = produced.sampleDay();

            List<SpreadStats> spreads = run("spread_stats.sql", table, SpreadStats::fromRow, day);

            assertThat(spreads)
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(SpreadStats.expected(produced, day));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(ANALYTICS_TABLES)
        void ticksPerSecondOfOneHour(SinkTable table) {
            HivePartition hour = produced.busiestPartition(produced.sampleDay());

            List<TicksInSecond> seconds =
                    run("ticks_per_second.sql", table, TicksInSecond::fromRow, hour.dt(), hour.hour());

            assertThat(seconds).containsExactlyElementsOf(TicksInSecond.expected(produced, hour));
        }

        @Test
        void jdbcPreparedStatementsBindTheQuestionMarksAsAthenaDoes() throws SQLException {
            SinkTable table = SinkTable.of("parquet", "snappy", false);
            String day = produced.sampleDay();
            Properties user = new Properties();
            user.setProperty("user", "analyst");
            List<HourlyVwap> vwaps = new ArrayList<>();

            try (Connection connection =
                            DriverManager.getConnection(athena.trino().jdbcUrl(), user);
                    PreparedStatement statement = connection.prepareStatement(AthenaQuery.load("vwap_hourly.sql")
                            .on("awsdatacatalog." + table.qualifiedName())
                            .sql())) {
                statement.setString(1, day);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        vwaps.add(new HourlyVwap(
                                rows.getString("symbol"),
                                rows.getString("hour"),
                                rows.getDouble("vwap"),
                                rows.getLong("volume"),
                                rows.getLong("trades")));
                    }
                }
            }

            assertThat(vwaps)
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(HourlyVwap.expected(produced, day));
        }

        private <T> List<T> run(String file, SinkTable table, Function<List<Object>, T> reader, String... parameters) {
            AthenaQuery query = AthenaQuery.load(file).on("awsdatacatalog." + table.qualifiedName());
            return athena.query(query.executeImmediate(parameters)).rows().stream()
                    .map(reader)
                    .toList();
        }
    }

    /** What Athena bills: bytes read from S3. */
    @Nested
    class DataScanned {

        @ParameterizedTest(name = "{0}")
        @MethodSource(TEXT_TABLES)
        void textTablesReadTheirPartitionsFilesWholeAsStored(SinkTable table) {
            HivePartition partition = produced.busiestPartition(produced.sampleDay());

            QueryResult result = athena.query("SELECT count(*) FROM " + table.qualifiedName() + " WHERE dt = '"
                    + partition.dt() + "' AND hour = '" + partition.hour() + "'");

            assertThat(result.inputBytes()).isEqualTo(new LakeObjects(stack.s3()).bytes(table, partition));
        }

        @Test
        void parquetScansLessThanUncompressedJsonLinesForEveryAnalyticsQuery() throws Exception {
            BytesScannedReport report = BytesScannedReport.measure(
                    athena,
                    stack.s3(),
                    produced,
                    List.of(
                            SinkTable.of("json", "none", false),
                            SinkTable.of("json", "gzip", false),
                            SinkTable.of("parquet", "snappy", false),
                            SinkTable.of("parquet", "zstd", false)));
            report.write();

            for (String file : AthenaQuery.files()) {
                assertThat(report.bytes(file, SinkTable.of("parquet", "snappy", false)))
                        .as(file)
                        .isPositive()
                        .isLessThan(report.bytes(file, SinkTable.of("json", "none", false)));
            }
        }
    }

    private static Table glueTable(SinkTable table) {
        return athena.glue()
                .getTable(request -> request.databaseName(SinkTable.DATABASE).name(table.name()))
                .table();
    }
}
