package io.stocklake.bench.freshness;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.freshness.LakeWatcher.SeenRecord;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.Pause;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * From a tick's event time to its object being listed in S3, and to it being queryable (object listed and its
 * partition returned by Glue), per record, at a steady rate: the source on the realtime clock (event time = now)
 * feeds the sink, which rotates by the wall clock. The benchmark polls S3 and Glue as a reader would.
 */
public final class FreshnessBenchmark implements Benchmark {

    private static final String BUCKET = "bench-fresh";
    private static final int DEFAULT_RUNS = 3;
    private static final long POLL_MILLIS = 100;
    private static final long GRACE_MILLIS = 15_000;

    /**
     * Sizes of a run: ticks per second, rotation interval, how long records are measured, and the goal for p99
     * of event time to queryable.
     */
    record Shape(double ticksPerSecond, long rotationMillis, long measureMillis, long goalMillis) {
        /** Records of the first rotation wait for the task to start; they are not counted. */
        long warmupMillis() {
            return rotationMillis + 5_000;
        }

        String label() {
            return String.format(Locale.ROOT, "%,d ms rotation, %,.0f ticks/s", rotationMillis, ticksPerSecond);
        }
    }

    /**
     * The shipped 10 s rotation (goal: the interval + 2 s), and second-scale rotation at a low and a high rate (goal:
     * 2 s). Each run measures all of them, one after the other, so that they see the same machine load.
     */
    static final List<Shape> FULL = List.of(
            new Shape(1_000, 10_000, 60_000, 12_000),
            new Shape(1_000, 1_000, 30_000, 2_000),
            new Shape(20_000, 1_000, 30_000, 2_000));

    static final List<Shape> SMOKE = List.of(new Shape(200, 1_000, 4_000, 2_000));

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public String summary() {
        return "event time to object in S3 and partition in Glue, p50/p99, 10 s and 1 s wall-clock rotation";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) {
        List<Shape> shapes = options.smoke() ? SMOKE : FULL;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start("Freshness: event time to S3 and to Glue", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        Map<Shape, List<Run>> results = new LinkedHashMap<>();
        shapes.forEach(shape -> results.put(shape, new ArrayList<>()));
        try (S3Client s3 = stack.s3().client();
                GlueClient glue = glueClient(stack)) {
            int measured = 0;
            for (int run = 1; run <= runs; run++) {
                progress.run(run, runs);
                for (Shape shape : shapes) {
                    progress.phase(shape.label());
                    Run result = measure(stack, s3, glue, shape, ++measured);
                    results.get(shape).add(result);
                    progress.result(String.format(
                            Locale.ROOT,
                            "%s: S3 p50 %.0f ms p99 %.0f ms; queryable p50 %.0f ms"
                                    + " p99 %.0f ms (%d records, %d not visible)",
                            shape.label(),
                            result.s3().p50(),
                            result.s3().p99(),
                            result.queryable().p50(),
                            result.queryable().p99(),
                            result.s3().count(),
                            result.missing()));
                }
            }
        }
        return report(header, results);
    }

    private static Run measure(PipelineStack stack, S3Client s3, GlueClient glue, Shape shape, int run) {
        String topic = "bench-fresh-" + run;
        String table = "bench_fresh_" + run;
        stack.broker().createTopic(topic, 1);
        Map<String, String> sink = ShippedSinkConfig.forTopic(stack, topic, BUCKET);
        sink.put("table.name", table);
        sink.put("glue.table", table);
        // JSON lines, so that the benchmark reads the event times back without a Parquet reader.
        sink.put("format", "json");
        sink.put("compression", "none");
        sink.put("rotate.schedule.interval.ms", String.valueOf(shape.rotationMillis()));
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        source.put("tasks.max", "1");
        source.put("topic", topic);
        source.put("clock", "realtime");
        source.put("ticks.per.second", String.valueOf(shape.ticksPerSecond()));
        source.put("session.calendar", "24x7");
        source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        source.put("value.converter.schemas.enable", "true");

        String sinkName = topic + "-sink";
        String sourceName = topic + "-source";
        LakeWatcher watcher = new LakeWatcher(
                new S3Lake(s3, BUCKET), "topics/" + table + "/", glue, sink.get("glue.database"), table);
        stack.connect().rest().putConnector(sinkName, sink);
        long start = System.currentTimeMillis();
        stack.connect().rest().putConnector(sourceName, source);
        long from = start + shape.warmupMillis();
        long to = from + shape.measureMillis();
        try {
            while (System.currentTimeMillis() < to) {
                watcher.poll();
                Pause.millis(POLL_MILLIS);
            }
            stack.connect().rest().deleteConnector(sourceName);
            long until = System.currentTimeMillis() + shape.rotationMillis() + GRACE_MILLIS;
            while (System.currentTimeMillis() < until && !allVisible(watcher, to)) {
                watcher.poll();
                Pause.millis(POLL_MILLIS);
            }
        } finally {
            stack.connect().rest().deleteConnector(sinkName);
        }
        List<Long> toS3 = new ArrayList<>();
        List<Long> toQuery = new ArrayList<>();
        int notInGlue = 0;
        for (SeenRecord record : watcher.records()) {
            if (record.eventTimeMillis() < from || record.eventTimeMillis() >= to) {
                continue;
            }
            toS3.add(record.objectSeenAtMillis() - record.eventTimeMillis());
            OptionalLong partitionAt = watcher.partitionSeenAt(record.partition());
            if (partitionAt.isPresent()) {
                toQuery.add(Math.max(record.objectSeenAtMillis(), partitionAt.getAsLong()) - record.eventTimeMillis());
            } else {
                notInGlue++;
            }
        }
        long produced;
        try (Admin admin = stack.broker().admin()) {
            produced = WindowCount.of(admin, topic, from, to);
            admin.deleteTopics(List.of(topic));
        }
        Buckets.empty(s3, BUCKET);
        return new Run(Percentiles.of(toS3), Percentiles.of(toQuery), Math.max(0, produced - toS3.size()) + notInGlue);
    }

    /** True once a record with an event time past the measured window is in S3: everything before it is too. */
    private static boolean allVisible(LakeWatcher watcher, long to) {
        return watcher.records().stream().anyMatch(r -> r.eventTimeMillis() >= to);
    }

    private static GlueClient glueClient(PipelineStack stack) {
        return GlueClient.builder()
                .endpointOverride(stack.glue().uri())
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Report report(ReportHeader header, Map<Shape, List<Run>> results) {
        int runs = results.values().iterator().next().size();
        StringBuilder md = new StringBuilder(header.markdown(runs));
        md.append(String.format(Locale.ROOT, """
                Stack: as for the sink benchmark. Each run measures every shape below, one after the other, each on a
                new topic (1 partition): the stock tick source on the realtime clock (event time = the worker's wall
                clock, `ticks.per.second` as the shape says, `session.calendar=24x7`) and the sink with the settings of
                `connect-configs/s3-glue-sink.json` (Glue registration on), except JSON lines instead of Parquet (so that
                the benchmark reads event times back without a Parquet reader) and `rotate.schedule.interval.ms` as the
                shape says. The benchmark lists the table's objects in S3 and calls Glue `GetPartitions` every %d ms
                (plus the time a look takes: it reads each new object), and takes per record: *to S3* = when its object
                was first listed − its event time; *queryable* = when both its object was listed and Glue returned its
                partition − its event time. Records of the first rotation interval + 5 s are left out (the tasks start),
                then records of the shape's measured time are counted. Percentiles are per record (nearest rank) within
                a run; the tables give their median and range over the runs. Records not queryable: those the topic
                holds in the measured window (by their timestamps) that the benchmark did not see in S3 and Glue by the
                end of the run. Goals: p99 ≤ the rotation interval + 2 s for the shipped 10 s rotation; p99 ≤ 2 s with
                1 s rotation.
                """, POLL_MILLIS));
        List<Headline> headlines = new ArrayList<>();
        results.forEach((shape, list) -> {
            md.append(String.format(
                    Locale.ROOT,
                    """

                    ### %s

                    `rotate.schedule.interval.ms=%,d`, `ticks.per.second=%,.0f`, %,d ms of records measured. Goal: queryable p99 ≤ %,d ms.

                    | measure, ms | median | min – max |
                    |---|---:|---:|
                    """,
                    shape.label(),
                    shape.rotationMillis(),
                    shape.ticksPerSecond(),
                    shape.measureMillis(),
                    shape.goalMillis()));
            md.append("| to S3, p50 ").append(spread(list, r -> r.s3().p50())).append('\n');
            md.append("| to S3, p99 ").append(spread(list, r -> r.s3().p99())).append('\n');
            md.append("| queryable (S3 and Glue), p50 ")
                    .append(spread(list, r -> r.queryable().p50()))
                    .append('\n');
            md.append("| queryable (S3 and Glue), p99 ")
                    .append(spread(list, r -> r.queryable().p99()))
                    .append('\n');
            md.append("| queryable, max ")
                    .append(spread(list, r -> r.queryable().max()))
                    .append('\n');
            md.append("| records measured per run ")
                    .append(spread(list, r -> r.s3().count()))
                    .append('\n');
            md.append("| records not queryable by the end of the run ")
                    .append(spread(list, r -> r.missing()))
                    .append('\n');
            Spread p99 = Spread.of(
                    list.stream().map(r -> (double) r.queryable().p99()).toList());
            headlines.add(new Headline(
                    String.format(Locale.ROOT, "freshness, %,d ms rotation", shape.rotationMillis()),
                    String.format(
                            Locale.ROOT,
                            "event time to queryable (object in S3 and partition in Glue), p99, %,.0f ticks/s",
                            shape.ticksPerSecond()),
                    String.format(Locale.ROOT, "≤ %,d ms", shape.goalMillis()),
                    Headline.median(p99, "%,.0f") + " ms"));
        });
        return new Report(header, md.toString(), headlines);
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> measure) {
        return Spread.of(runs.stream().map(measure::applyAsDouble).toList()).cells("%,.0f");
    }

    /** One run's latencies and the records of the window that never became queryable. */
    record Run(Percentiles s3, Percentiles queryable, long missing) {}
}
