package io.stocklake.bench.freshness;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.GlueClients;
import io.stocklake.stack.PipelineStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
    private static final long GRACE_MILLIS = 15_000;

    /**
     * Sizes of a run: ticks per second, rotation interval, how long records are measured, and the goal for p99
     * of event time to queryable.
     */
    public record Shape(double ticksPerSecond, long rotationMillis, long measureMillis, long goalMillis) {
        /** Records of the first rotation wait for the task to start; they are not counted. */
        public long warmupMillis() {
            return rotationMillis + 5_000;
        }

        /** After the sources stop, how long the watchers wait at most for the last file of the window. */
        public long drainMillis() {
            return rotationMillis + GRACE_MILLIS;
        }

        public String label() {
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
                GlueClient glue = GlueClients.of(stack)) {
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
        // JSON lines: the cheapest encoding, so the figures are the rotation's and the lake's. The shipped Parquet
        // is measured by the compaction benchmark's open-hour phase.
        RealtimePipeline pipeline = RealtimePipeline.create(
                stack,
                s3,
                glue,
                "bench-fresh-" + run,
                BUCKET,
                shape.ticksPerSecond(),
                Map.of(
                        "format",
                        "json",
                        "compression",
                        "none",
                        "rotate.schedule.interval.ms",
                        String.valueOf(shape.rotationMillis())));
        try {
            RealtimePipeline.Window window = RealtimePipeline.run(
                    List.of(pipeline), shape.warmupMillis(), shape.measureMillis(), shape.drainMillis());
            RealtimePipeline.Outcome outcome = pipeline.outcome(window);
            return new Run(outcome.listed(), outcome.queryable(), outcome.missing());
        } finally {
            pipeline.deleteTopic();
            Buckets.empty(s3, BUCKET);
        }
    }

    private static Report report(ReportHeader header, Map<Shape, List<Run>> results) {
        int runs = results.values().iterator().next().size();
        StringBuilder md = new StringBuilder(header.markdown(runs));
        md.append(String.format(Locale.ROOT, """
                Stack: as for the sink benchmark. Each run measures every shape below, one after the other, each on a
                new topic (1 partition): the stock tick source on the realtime clock (event time = the worker's wall
                clock, `ticks.per.second` as the shape says, `session.calendar=24x7`) and the sink with the settings of
                `connect-configs/s3-glue-sink.json` (Glue registration on), except JSON lines instead of Parquet,
                `kafka.metadata.columns=partition,offset` (each row names its record) and `rotate.schedule.interval.ms`
                as the shape says. The benchmark calls Glue `GetPartitions` and lists the table's objects in S3 every
                %d ms (plus the time a look takes: it reads each new object), and takes per record: *to S3* = when its
                object was first listed − its event time; *queryable* = the first look that found its object directly
                in the location Glue returns for its partition − its event time. Records of the first rotation interval
                + 5 s are left out (the tasks start),
                then records of the shape's measured time are counted. Percentiles are per record (nearest rank) within
                a run; the tables give their median and range over the runs. Records not queryable: those the topic
                holds in the measured window (by their timestamps) that the benchmark did not see in S3 and Glue by the
                end of the run. Goals: p99 ≤ the rotation interval + 2 s for the shipped 10 s rotation; p99 ≤ 2 s with
                1 s rotation.
                """, RealtimePipeline.POLL_MILLIS));
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
