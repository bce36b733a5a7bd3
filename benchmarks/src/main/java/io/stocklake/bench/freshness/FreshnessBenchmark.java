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
import io.stocklake.stack.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** Sizes of a run: ticks per second, rotation interval, and how long records are measured. */
    record Shape(double ticksPerSecond, long rotationMillis, long measureMillis) {
        /** Records of the first rotation wait for the task to start; they are not counted. */
        long warmupMillis() {
            return rotationMillis + 5_000;
        }
    }

    static final Shape FULL = new Shape(1_000, 10_000, 60_000);
    static final Shape SMOKE = new Shape(200, 3_000, 6_000);

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public String summary() {
        return "event time to object in S3 and partition in Glue, p50/p99, steady rate, wall-clock rotation";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) {
        Shape shape = options.smoke() ? SMOKE : FULL;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start("Freshness: event time to S3 and to Glue", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        List<Run> results = new ArrayList<>();
        try (S3Client s3 = stack.s3().client();
                GlueClient glue = glueClient(stack)) {
            for (int run = 1; run <= runs; run++) {
                progress.run(run, runs);
                Run result = measure(stack, s3, glue, shape, run);
                results.add(result);
                progress.result(String.format(
                        Locale.ROOT,
                        "S3 p50 %.0f ms p99 %.0f ms; queryable p50 %.0f ms"
                                + " p99 %.0f ms (%d records, %d not visible)",
                        result.s3().p50(),
                        result.s3().p99(),
                        result.queryable().p50(),
                        result.queryable().p99(),
                        result.s3().count(),
                        result.missing()));
            }
        }
        return report(header, shape, results);
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
        long produced =
                TopicReader.readUncommitted(stack.broker().bootstrapServers())
                        .readAll(topic, Duration.ofSeconds(60))
                        .stream()
                        .filter(r -> r.timestamp() >= from && r.timestamp() < to)
                        .count();
        Buckets.empty(s3, BUCKET);
        try (Admin admin = stack.broker().admin()) {
            admin.deleteTopics(List.of(topic));
        }
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

    private static Report report(ReportHeader header, Shape shape, List<Run> runs) {
        StringBuilder md = new StringBuilder(header.markdown(runs.size()));
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: as for the sink benchmark. Each run: a new topic (1 partition); the stock tick source on the
                realtime clock (event time = the worker's wall clock, `ticks.per.second=%,.0f`, `session.calendar=24x7`)
                and the sink with the settings of `connect-configs/s3-glue-sink.json` (Glue registration on), except JSON
                lines instead of Parquet (so that the benchmark reads event times back without a Parquet reader) and
                `rotate.schedule.interval.ms=%,d`. The benchmark lists the table's objects in S3 and calls Glue
                `GetPartitions` every %d ms, reads each new object, and takes per record: *to S3* = when its object was
                first listed − its event time; *queryable* = when both its object was listed and Glue returned its
                partition − its event time. Records of the first %,d ms are left out (the tasks start), then %,d ms of
                records are measured. Percentiles are per record (nearest rank) within a run; the table gives their
                median and range over the runs. Goal: p99 ≤ rotation interval + 2 s = %,d ms.

                | measure, ms | median | min – max |
                |---|---:|---:|
                """,
                shape.ticksPerSecond(),
                shape.rotationMillis(),
                POLL_MILLIS,
                shape.warmupMillis(),
                shape.measureMillis(),
                shape.rotationMillis() + 2_000));
        md.append("| to S3, p50 ").append(spread(runs, r -> r.s3().p50())).append('\n');
        md.append("| to S3, p99 ").append(spread(runs, r -> r.s3().p99())).append('\n');
        md.append("| queryable (S3 and Glue), p50 ")
                .append(spread(runs, r -> r.queryable().p50()))
                .append('\n');
        md.append("| queryable (S3 and Glue), p99 ")
                .append(spread(runs, r -> r.queryable().p99()))
                .append('\n');
        md.append("| queryable, max ")
                .append(spread(runs, r -> r.queryable().max()))
                .append('\n');
        md.append("| records measured per run ")
                .append(spread(runs, r -> r.s3().count()))
                .append('\n');
        md.append("| records not queryable by the end of the run ")
                .append(spread(runs, r -> r.missing()))
                .append('\n');
        Spread p99 =
                Spread.of(runs.stream().map(r -> (double) r.queryable().p99()).toList());
        return new Report(
                header,
                md.toString(),
                List.of(new Headline(
                        String.format(Locale.ROOT, "freshness, %,d ms rotation", shape.rotationMillis()),
                        String.format(
                                Locale.ROOT,
                                "event time to queryable (object in S3 and partition in Glue), p99, %,.0f ticks/s",
                                shape.ticksPerSecond()),
                        String.format(Locale.ROOT, "≤ %,d ms", shape.rotationMillis() + 2_000),
                        Headline.median(p99, "%,.0f") + " ms")));
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> measure) {
        return Spread.of(runs.stream().map(measure::applyAsDouble).toList()).cells("%,.0f");
    }

    /** One run's latencies and the records of the window that never became queryable. */
    record Run(Percentiles s3, Percentiles queryable, long missing) {}
}
