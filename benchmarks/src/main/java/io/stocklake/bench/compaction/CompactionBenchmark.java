package io.stocklake.bench.compaction;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.compaction.ShippedQueries.Query;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.CommittedAll;
import io.stocklake.bench.workload.GlueClients;
import io.stocklake.bench.workload.Pause;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.SinkGroupOffsets;
import io.stocklake.testing.s3.S3TrafficProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A day of ticks landed by the sink with 10 s rotation (record time), measured before and after the compaction
 * connector compacted it, in one run: the objects a query of the day reads, and each shipped query of
 * {@code athena/} on the ticks table through Trino (time, and S3 requests counted by a proxy in front of S3Proxy
 * that only Trino goes through). Then the open hour's freshness while compaction compacts it, beside a table that
 * is not compacted ({@link OpenHourFreshness}).
 */
public final class CompactionBenchmark implements Benchmark {

    private static final String BUCKET = "bench-compaction";
    private static final String DATABASE = "stock_market";
    private static final String TABLE = "stock_ticks";
    private static final String TOPIC = "bench-compaction-ticks";
    private static final String SOURCE = "bench-compaction-source";
    private static final String SINK = "bench-compaction-sink";
    private static final String COMPACTION = "bench-compaction";
    private static final int PARTITIONS = 2;
    private static final int DEFAULT_RUNS = 3;
    /** Landed files that make the open hour due (`compaction.open.min.files`): two minutes of 10 s files. */
    private static final int OPEN_MIN_FILES = 12;

    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final double OBJECTS_GOAL = 50;
    private static final double SPEEDUP_GOAL = 5;

    /**
     * Sizes of a run: how much record time of ticks, at what rate, the sink's rotation in record time, and the hour
     * the one query of an hour reads (a closed one).
     */
    record Shape(
            Duration span,
            double ticksPerSecond,
            long rotationMillis,
            String hour,
            int queries,
            boolean warmUp,
            Duration timeout) {
        long ticks() {
            return Math.round(span.toSeconds() * ticksPerSecond);
        }

        /**
         * {@code hours} closed hours and 5 minutes of the next one (the open hour, which compaction leaves alone), for
         * a run shorter than a day; the hour queried is the middle closed one.
         */
        Shape hours(int hours) {
            return new Shape(
                    Duration.ofHours(hours).plusMinutes(5),
                    ticksPerSecond,
                    rotationMillis,
                    String.format(Locale.ROOT, "%02d", Math.max(0, (hours - 1) / 2)),
                    queries,
                    warmUp,
                    timeout.multipliedBy(Math.max(1, hours)).dividedBy(24).plus(Duration.ofMinutes(10)));
        }
    }

    static final Shape FULL =
            new Shape(Duration.ofHours(24), 1.0, 10_000, "12", Integer.MAX_VALUE, true, Duration.ofHours(4));
    /** Seconds of work: a closed hour of 12 files and a few minutes of the next, two queries measured once. */
    static final Shape SMOKE = new Shape(Duration.ofMinutes(65), 0.5, 600_000, "00", 2, false, Duration.ofMinutes(3));

    @Override
    public String name() {
        return "compaction";
    }

    @Override
    public String summary() {
        return "a day of ticks at 10 s rotation before and after compaction: objects, shipped queries' time and S3"
                + " requests through Trino; the open hour's freshness while it is compacted";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) throws Exception {
        Shape shape = options.smoke() ? SMOKE : FULL;
        if (options.hours().isPresent()) {
            shape = shape.hours(options.hours().getAsInt());
        }
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start("Compaction: a day of ticks before and after", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        String day = DAY.toString().substring(0, 10);
        List<Query> shipped = ShippedQueries.reading(
                Path.of(System.getProperty(ShippedQueries.FOLDER_PROPERTY, "athena")), TABLE, day, shape.hour());
        List<Query> queries = shipped.subList(0, Math.min(shape.queries(), shipped.size()));
        Report dayReport;
        try (S3TrafficProxy proxy = S3TrafficProxy.start(stack.s3().endpoint());
                S3Client s3 = stack.s3().client();
                GlueClient glue = GlueClients.of(stack)) {
            CompletableFuture<TrinoProcess> trinoStart = CompletableFuture.supplyAsync(
                    () -> TrinoProcess.start(proxy.endpoint(), stack.glue().uri(), stack.logsDir()));
            try {
                progress.phase(String.format(Locale.ROOT, "landing %,d ticks", shape.ticks()));
                long landStart = System.nanoTime();
                land(stack, shape);
                double landSeconds = (System.nanoTime() - landStart) / 1e9;
                progress.phase("starting Trino");
                try (TrinoProcess trino = trinoStart.join();
                        Connection connection = trino.connect(DATABASE)) {
                    LakeObjects before = LakeObjects.read(s3, BUCKET, glue, DATABASE, TABLE);
                    progress.result(String.format(Locale.ROOT, "before: %,d objects", before.total()));
                    Map<String, Measured> queriedBefore =
                            measure(connection, proxy, queries, runs, shape.warmUp(), progress, "before");
                    progress.phase("compacting");
                    long compactStart = System.nanoTime();
                    compact(stack, glue, shape, due(before));
                    double compactSeconds = (System.nanoTime() - compactStart) / 1e9;
                    LakeObjects after = LakeObjects.read(s3, BUCKET, glue, DATABASE, TABLE);
                    progress.result(String.format(
                            Locale.ROOT, "after: %,d objects, compaction took %.0f s", after.total(), compactSeconds));
                    Map<String, Measured> queriedAfter =
                            measure(connection, proxy, queries, runs, shape.warmUp(), progress, "after");
                    dayReport = report(
                            header,
                            shape,
                            runs,
                            landSeconds,
                            compactSeconds,
                            before,
                            after,
                            queriedBefore,
                            queriedAfter);
                }
            } finally {
                trinoStart.thenAccept(TrinoProcess::close);
                cleanUp(stack, s3);
            }
        }
        progress.phase("the open hour's freshness while it is compacted");
        OpenHourFreshness.Result fresh =
                OpenHourFreshness.measure(stack, options.smoke() ? OpenHourFreshness.SMOKE : OpenHourFreshness.FULL);
        progress.result(String.format(
                Locale.ROOT,
                "queryable p99 %.0f ms compacted (%d swaps, %d not queryable), %.0f ms not compacted",
                fresh.compacted().queryable().p99(),
                fresh.compacted().locationChanges(),
                fresh.compacted().missing(),
                fresh.reference().queryable().p99()));
        List<Headline> headlines = new ArrayList<>(dayReport.headlines());
        headlines.add(OpenHourFreshness.headline(fresh));
        return new Report(header, dayReport.markdown() + OpenHourFreshness.markdown(fresh), headlines);
    }

    /** The source writes the span of ticks into a fresh topic; the sink lands every one of them. */
    private static void land(PipelineStack stack, Shape shape) throws Exception {
        try (Admin admin = stack.broker().admin()) {
            // Record times lie in the past: without retention -1 the broker would delete the ticks at once.
            admin.createTopics(
                            List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();
            Map<String, String> sink = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET);
            sink.put("table.name", TABLE);
            sink.put("glue.table", TABLE);
            sink.put("rotate.interval.ms", Long.toString(shape.rotationMillis()));
            stack.connect().rest().putConnector(SINK, sink);
            Map<String, String> source = new HashMap<>();
            source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
            source.put("tasks.max", "1");
            source.put("topic", TOPIC);
            source.put("clock", "simulated");
            source.put("simulated.start", DAY.toString());
            source.put("simulated.acceleration", "0");
            source.put("session.calendar", "24x7");
            source.put("ticks.per.second", Double.toString(shape.ticksPerSecond()));
            source.put("max.ticks", Long.toString(shape.ticks()));
            source.put("seed", "7");
            source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            source.put("value.converter.schemas.enable", "true");
            stack.connect().rest().putConnector(SOURCE, source);
            CommittedAll.await(
                    new SinkGroupOffsets(admin), stack.connect().rest(), SINK, TOPIC, shape.ticks(), shape.timeout());
        }
    }

    /**
     * Runs the compaction connector until every partition, the open one included, reads a compacted generation,
     * then removes it.
     */
    private static void compact(PipelineStack stack, GlueClient glue, Shape shape, int partitions) {
        Map<String, String> config = CompactionConfig.of(stack, BUCKET, DATABASE, TABLE, 1000, OPEN_MIN_FILES);
        stack.connect().rest().putConnector(COMPACTION, config);
        Instant deadline = Instant.now().plus(shape.timeout());
        try {
            while (compacted(glue) < partitions) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("compaction did not finish within " + shape.timeout() + "; status "
                            + stack.connect().rest().status(COMPACTION));
                }
                Pause.millis(500);
            }
        } finally {
            stack.connect().rest().deleteConnector(COMPACTION);
        }
    }

    /**
     * The partitions compaction will swap: every closed hour, and the open one when it holds enough files beyond
     * each Kafka partition's newest (which stays unfolded until its batch is known to have landed).
     */
    private static int due(LakeObjects before) {
        boolean openDue = before.open() >= OPEN_MIN_FILES + PARTITIONS;
        return before.partitions() - 1 + (openDue ? 1 : 0);
    }

    private static int compacted(GlueClient glue) {
        int count = 0;
        for (var page : glue.getPartitionsPaginator(
                r -> r.databaseName(DATABASE).tableName(TABLE).excludeColumnSchema(true))) {
            count += (int) page.partitions().stream()
                    .filter(p -> p.storageDescriptor().location().contains("/_compacted/"))
                    .count();
        }
        return count;
    }

    /** Each query {@code runs} times, after one warm-up run if asked: time to the last row, S3 requests Trino made. */
    private static Map<String, Measured> measure(
            Connection connection,
            S3TrafficProxy proxy,
            List<Query> queries,
            int runs,
            boolean warmUp,
            Progress progress,
            String phase)
            throws SQLException {
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Query query : queries) {
            List<Double> seconds = new ArrayList<>();
            List<Double> requests = new ArrayList<>();
            long rows = 0;
            for (int run = warmUp ? 0 : 1; run <= runs; run++) {
                int opsBefore = proxy.operations().size();
                long start = System.nanoTime();
                rows = execute(connection, query.sql());
                double took = (System.nanoTime() - start) / 1e9;
                if (run > 0) {
                    seconds.add(took);
                    requests.add((double) (proxy.operations().size() - opsBefore));
                }
            }
            Measured m = new Measured(Spread.of(seconds), Spread.of(requests), rows);
            progress.result(String.format(
                    Locale.ROOT,
                    "%s, %s: %.2f s, %,.0f S3 requests",
                    phase,
                    query.file(),
                    m.seconds().median(),
                    m.requests().median()));
            measured.put(query.file(), m);
        }
        return measured;
    }

    private static long execute(Connection connection, String sql) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void cleanUp(PipelineStack stack, S3Client s3) {
        for (String connector : List.of(SOURCE, SINK, COMPACTION)) {
            try {
                stack.connect().rest().deleteConnector(connector);
            } catch (RuntimeException e) {
                // Not there (never started, or already removed).
            }
        }
        try (Admin admin = stack.broker().admin()) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
        } catch (Exception e) {
            // Left for the stack's end.
        }
        Buckets.empty(s3, BUCKET);
    }

    /** One query's time in seconds and S3 requests over the runs, and the rows it returned. */
    record Measured(Spread seconds, Spread requests, long rows) {}

    private static Report report(
            ReportHeader header,
            Shape shape,
            int runs,
            double landSeconds,
            double compactSeconds,
            LakeObjects before,
            LakeObjects after,
            Map<String, Measured> queriedBefore,
            Map<String, Measured> queriedAfter) {
        StringBuilder md = new StringBuilder(header.markdown(runs));
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: as for the sink benchmark, and Trino 476 (the Athena stand-in, in a JVM of its own) reading
                through the Glue endpoint and a counting proxy in front of S3Proxy that only Trino goes through. The
                stock tick source on the simulated clock (`simulated.start=%s`, as fast as it goes, `session.calendar=24x7`,
                `ticks.per.second=%s` of record time, `max.ticks=%,d`: %s of record time) writes a topic of %d
                partitions; the sink with the settings of `connect-configs/s3-glue-sink.json` (one task, Parquet,
                hourly partitions), except `rotate.interval.ms=%,d` (a file per Kafka partition every %,d ms of
                record time; the shipped wall-clock `rotate.schedule.interval.ms` stays) lands them (%.0f s). Then each
                shipped query of `athena/` on `%s` runs through Trino's JDBC driver, %s %d times
                measured (`?` bound to `'%s'` and, for the hour, `'%s'`). Then the compaction connector
                (`compaction.closed.grace.ms=0`, `compaction.interval.ms=1000`, `compaction.open.min.files=%d`,
                other keys at their defaults, one task) runs until every closed hour and the open one (when it holds enough files) reads a
                compacted generation (%.0f s from the connector's creation), and the same queries run again. Objects
                are those a query of the whole day reads: in each partition, the objects in the folder Glue points it
                at. In the open hour each Kafka partition's newest file stays beside the compacted ones until its
                batch is known to have landed (see the compaction connector's README). Query times are medians with their range over the runs; S3 requests are Trino's per query.

                | objects a query of the day reads | before | after | ratio | goal |
                |---|---:|---:|---:|---:|
                """,
                DAY,
                trim(shape.ticksPerSecond()),
                shape.ticks(),
                shape.span(),
                PARTITIONS,
                shape.rotationMillis(),
                shape.rotationMillis(),
                landSeconds,
                TABLE,
                shape.warmUp() ? "once to warm up and" : "without warm-up,",
                runs,
                DAY.toString().substring(0, 10),
                shape.hour(),
                OPEN_MIN_FILES,
                compactSeconds));
        double objectsRatio = ratio(before.total(), after.total());
        md.append(String.format(
                Locale.ROOT,
                "| whole day (%d partitions) | %,d | %,d | %.1f× | ≥ %.0f× |%n",
                before.partitions(),
                before.total(),
                after.total(),
                objectsRatio,
                OBJECTS_GOAL));
        md.append(String.format(
                Locale.ROOT,
                "| closed hours (%d partitions; %d compacted in all) | %,d | %,d | %.1f× | ≥ %.0f× |%n",
                before.partitions() - 1,
                after.compacted(),
                before.closed(),
                after.closed(),
                ratio(before.closed(), after.closed()),
                OBJECTS_GOAL));
        md.append(String.format(
                Locale.ROOT,
                "| the open hour | %,d | %,d | %.1f× | – |%n",
                before.open(),
                after.open(),
                ratio(before.open(), after.open())));
        md.append("""

                | query | rows | time before, s | time after, s | faster | S3 requests before | after | fewer |
                |---|---:|---:|---:|---:|---:|---:|---:|
                """);
        List<Double> speedups = new ArrayList<>();
        for (Map.Entry<String, Measured> entry : queriedBefore.entrySet()) {
            Measured b = entry.getValue();
            Measured a = queriedAfter.get(entry.getKey());
            double speedup = ratio(b.seconds().median(), a.seconds().median());
            speedups.add(speedup);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %s | %s | %.1f× | %,.0f | %,.0f | %.1f× |%n",
                    entry.getKey().replace(".sql", ""),
                    b.rows(),
                    Headline.median(b.seconds(), "%.2f"),
                    Headline.median(a.seconds(), "%.2f"),
                    speedup,
                    b.requests().median(),
                    a.requests().median(),
                    ratio(b.requests().median(), a.requests().median())));
        }
        Spread speedup = Spread.of(speedups);
        return new Report(
                header,
                md.toString(),
                List.of(
                        new Headline(
                                "compaction, objects",
                                String.format(
                                        Locale.ROOT,
                                        "objects a query of a day of ticks reads (%,d ms rotation), before ÷ after",
                                        shape.rotationMillis()),
                                String.format(Locale.ROOT, "≥ %.0f×", OBJECTS_GOAL),
                                String.format(
                                        Locale.ROOT,
                                        "%.1f× (%,d → %,d; closed hours %.0f×)",
                                        objectsRatio,
                                        before.total(),
                                        after.total(),
                                        ratio(before.closed(), after.closed()))),
                        new Headline(
                                "compaction, query time",
                                "shipped athena/ queries on the ticks through Trino, time before ÷ after, median"
                                        + " over the queries (range)",
                                String.format(Locale.ROOT, "≥ %.0f×", SPEEDUP_GOAL),
                                Headline.median(speedup, "%.1f") + "×")));
    }

    private static double ratio(double before, double after) {
        return after <= 0 ? 0 : before / after;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
