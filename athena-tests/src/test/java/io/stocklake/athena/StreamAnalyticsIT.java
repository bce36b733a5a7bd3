package io.stocklake.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.trino.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The analytics on the real parts, through the lake: ticks from the source connector, bars and alerts from the
 * analytics application (exactly_once_v2, killed and restarted midway), both landed by the shipped sink
 * configurations and registered in Glue, and read by Trino (Athena's engine). The bars in the lake must equal the
 * bars SQL recomputes from the lake's ticks, for every symbol and closed minute, each exactly once.
 */
class StreamAnalyticsIT {

    private static final String DAY = "2026-03-02";
    /** Relative to VWAP and spread sums: Trino and Kafka Streams add in different orders. */
    private static final double TOLERANCE = 1e-9;

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).workerHeap("768m").build();
    static final AthenaStandIn athena = new AthenaStandIn(stack);

    @RegisterExtension
    static final OncePerTestClass lifecycle = OncePerTestClass.of(new StackLifecycle(stack), athena);

    private static AnalyticsPipeline pipeline;
    private static AnalyticsPipeline.Run run;

    @BeforeAll
    static void runTicksThroughTheAnalyticsIntoTheLake() throws Exception {
        Path workDir =
                Paths.get(System.getProperty("stocklake.report.dir", "target")).resolve("analytics-it");
        // State of an earlier run belongs to another broker: start without it.
        deleteRecursively(workDir);
        pipeline = new AnalyticsPipeline(stack, athena.glueEndpoint());
        run = pipeline.run(workDir);
    }

    @Test
    void theApplicationWasKilledAfterItsFirstBarsAndWroteTheRestAfterItsRestart() {
        assertThat(run.barsAtKill()).isPositive().isLessThan(run.barsAtEnd());
    }

    @Test
    void barsInTheLakeEqualBarsRecomputedBySqlFromTheLakesTicks() {
        List<List<Object>> lake = athena.query("SELECT symbol, to_unixtime(window_start) AS minute, open, high, low, "
                        + "close, volume, vwap, trade_count, spread_min, spread_max, spread_avg FROM stock_market.stock_bars_1m "
                        + "ORDER BY symbol, minute")
                .rows();
        List<List<Object>> recomputed = athena.query(barsFromTicks()).rows();

        assertThat(recomputed).hasSizeGreaterThanOrEqualTo(AnalyticsPipeline.SYMBOLS.size() * 30);
        assertThat(lake).hasSameSizeAs(recomputed);
        for (int i = 0; i < recomputed.size(); i++) {
            assertSameBar(lake.get(i), recomputed.get(i));
        }
    }

    @Test
    void eachSymbolAndMinuteHasOneBarInTheLakeAndOneOnTheTopic() {
        QueryResult counts = athena.query(
                "SELECT count(*), count(DISTINCT (symbol, window_start)) " + "FROM stock_market.stock_bars_1m");

        assertThat(counts.rows().get(0)).containsExactly(run.barsAtEnd(), run.barsAtEnd());
    }

    @Test
    void theBarsTableIsRegisteredInGlueWithTypedColumnsAndTimePartitions() {
        Table table = athena.glue()
                .getTable(b -> b.databaseName("stock_market").name("stock_bars_1m"))
                .table();

        assertThat(table.storageDescriptor().columns())
                .extracting(Column::name, Column::type)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("symbol", "string"),
                        org.assertj.core.groups.Tuple.tuple("window_start", "timestamp"),
                        org.assertj.core.groups.Tuple.tuple("window_end", "timestamp"),
                        org.assertj.core.groups.Tuple.tuple("open", "double"));
        assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("dt", "hour");
    }

    @Test
    void theAlertsTableHoldsTheLockedQuoteWithItsMomentAndEveryAlertOnce() {
        QueryResult locked = athena.query("SELECT symbol, alert_type, to_unixtime(event_time), observed "
                + "FROM stock_market.stock_alerts WHERE alert_type = 'LOCKED_QUOTE'");
        QueryResult count = athena.query("SELECT count(*) FROM stock_market.stock_alerts");

        assertThat(locked.rows())
                .singleElement()
                .isEqualTo(List.of(
                        AnalyticsPipeline.LOCKED_SYMBOL,
                        "LOCKED_QUOTE",
                        AnalyticsPipeline.CLOSING.toEpochMilli() / 1000.0,
                        0.0));
        assertThat(count.onlyValue()).isEqualTo(run.alertsAtEnd());
    }

    @Test
    void theShippedQueriesReadTheBarsAndAlertsOfADay() {
        QueryResult candles = athena.query(AthenaQuery.load("candles_1m.sql").executeImmediate(DAY));
        QueryResult daily = athena.query(AthenaQuery.load("daily_from_bars.sql").executeImmediate(DAY));
        QueryResult alerts = athena.query(AthenaQuery.load("alerts_day.sql").executeImmediate(DAY));

        assertThat(candles.rows()).hasSize((int) run.barsAtEnd());
        assertThat(daily.column("symbol"))
                .containsExactlyElementsOf(
                        AnalyticsPipeline.SYMBOLS.stream().sorted().toList());
        assertThat(daily.column("trades"))
                .allSatisfy(trades -> assertThat((Long) trades).isPositive());
        assertThat(alerts.rows()).hasSize((int) run.alertsAtEnd());
    }

    @Test
    void aRecordThatIsNotATickIsInTheDeadLetterTopicAsItCameWithTheReason() {
        List<ConsumerRecord<String, String>> letters = pipeline.readCommitted(AnalyticsPipeline.DEAD_LETTERS);

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(AnalyticsPipeline.BAD_TICK_KEY);
            assertThat(letter.value()).isEqualTo(AnalyticsPipeline.BAD_TICK);
            assertThat(new String(
                            letter.headers()
                                    .lastHeader("stocklake.analytics.error.reason")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("field 'exchange' is missing");
            assertThat(new String(
                            letter.headers()
                                    .lastHeader("stocklake.analytics.error.topic")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(AnalyticsPipeline.TICKS);
        });
    }

    @Test
    void theApplicationCreatedTheMissingDeadLetterTopicWithTheTickTopicsPartitions() {
        TopicReader reader = TopicReader.readCommitted(stack.broker().bootstrapServers());

        assertThat(reader.partitionCount(AnalyticsPipeline.DEAD_LETTERS))
                .isEqualTo(reader.partitionCount(AnalyticsPipeline.TICKS))
                .isEqualTo(3);
    }

    @Test
    void candlesticksFromTheBarsScanFewerBytesThanFromTheTicks() throws IOException {
        QueryResult fromBars = athena.query(AthenaQuery.load("candles_1m.sql").executeImmediate(DAY));
        QueryResult fromTicks = athena.query(AthenaQuery.load("ohlcv_1m.sql").executeImmediate(DAY));

        String report = String.format(
                Locale.ROOT,
                "Candlesticks of %s (%d ticks, %d bars), bytes read from S3 "
                        + "(Trino physical input bytes): ohlcv_1m.sql on stock_ticks %,d; candles_1m.sql on stock_bars_1m %,d%n",
                DAY,
                AnalyticsPipeline.TICKS_COUNT,
                run.barsAtEnd(),
                fromTicks.inputBytes(),
                fromBars.inputBytes());
        System.out.print(report);
        Path reportDir = Paths.get(System.getProperty("stocklake.report.dir", "target"));
        Files.createDirectories(reportDir);
        Files.writeString(reportDir.resolve("analytics-bytes-scanned.txt"), report);
        assertThat(fromBars.inputBytes()).isPositive().isLessThan(fromTicks.inputBytes());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The bars of every symbol and closed minute, by SQL from the ticks table (open and close by event time, seq). */
    private static String barsFromTicks() {
        LocalDateTime closing = LocalDateTime.ofInstant(AnalyticsPipeline.CLOSING, ZoneOffset.UTC);
        return "SELECT symbol, to_unixtime(date_trunc('minute', event_time)) AS minute, "
                + "min_by(price, (event_time, seq)) AS open, max(price) AS high, min(price) AS low, "
                + "max_by(price, (event_time, seq)) AS close, sum(size) AS volume, sum(price * size) / sum(size) AS vwap, "
                + "count(*) AS trade_count, min(ask - bid) AS spread_min, max(ask - bid) AS spread_max, "
                + "avg(ask - bid) AS spread_avg "
                + "FROM stock_market.stock_ticks "
                + "WHERE event_time < TIMESTAMP '" + closing.toString().replace('T', ' ') + "' "
                + "GROUP BY 1, 2 ORDER BY 1, 2";
    }

    private static void assertSameBar(List<Object> lake, List<Object> recomputed) {
        assertThat(lake).as("bar %s", recomputed).hasSameSizeAs(recomputed);
        List<Object> differences = new ArrayList<>();
        for (int column = 0; column < recomputed.size(); column++) {
            Object a = lake.get(column);
            Object b = recomputed.get(column);
            boolean same = a instanceof Double x && b instanceof Double y
                    ? Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.abs(y))
                    : a.equals(b);
            if (!same) {
                differences.add(column + ": lake " + a + " vs sql " + b);
            }
        }
        assertThat(differences)
                .as("lake bar %s vs recomputed %s", lake, recomputed)
                .isEmpty();
    }
}
