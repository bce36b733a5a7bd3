package io.stocklake.bench.sink;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.CommitProgress;
import io.stocklake.bench.workload.PrefilledTopic;
import io.stocklake.bench.workload.ProcessCpu;
import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sink records/s per task, by format, beside a no-op sink task reading the same pre-filled topic in the same
 * worker (the framework's ceiling). Each run starts one connector per variant with a fresh consumer group, one
 * task on the topic's single partition, the variants in an order that rotates from run to run; the ratio is taken
 * per run, against that run's no-op sink. A first pass over all variants warms the worker's JIT and is not counted.
 */
public final class SinkBenchmark implements Benchmark {

    static final String TOPIC = "bench-sink-ticks";
    static final String BUCKET = "bench-sink";
    private static final int DEFAULT_RUNS = 5;
    // Enough for the 10-90% window to span many offset commits (every 200 ms) even at 170,000 records/s; the
    // external-schema shape, three times as fast, gets three times as many (RecordShape.topicRecords).
    private static final long RECORDS = 600_000;
    private static final long SMOKE_RECORDS = 10_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public String summary() {
        return "records/s and worker CPU per million of one sink task per format vs. a no-op sink task";
    }

    @Override
    public boolean takesRecordShape() {
        return true;
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) {
        long records = options.smoke() ? SMOKE_RECORDS : options.shape().topicRecords(RECORDS);
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start(
                "S3 sink throughput by format, against a no-op sink"
                        + options.shape().titleSuffix(),
                options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        Map<SinkVariant, List<Double>> rates = new LinkedHashMap<>();
        Map<SinkVariant, List<Double>> ratios = new LinkedHashMap<>();
        Map<SinkVariant, List<Double>> cpus = new LinkedHashMap<>();
        SinkVariant.ALL.forEach(v -> {
            rates.put(v, new ArrayList<>());
            ratios.put(v, new ArrayList<>());
            cpus.put(v, new ArrayList<>());
        });
        try (Admin admin = stack.broker().admin();
                S3Client s3 = stack.s3().client()) {
            progress.phase("filling the topic");
            PrefilledTopic.fill(stack, TOPIC, records, options.shape());
            CommitProgress commits = new CommitProgress(
                    new SinkGroupOffsets(admin),
                    stack.connect().rest(),
                    options.smoke(),
                    ProcessCpu.of(stack.connect().worker(0).pid()));
            // Smoke: no warm-up pass, a figure from one pass is all it needs.
            for (int run = options.smoke() ? 1 : 0; run <= runs; run++) {
                progress.run(run, runs);
                Map<SinkVariant, Double> round = new HashMap<>();
                Map<SinkVariant, Double> roundCpu = new HashMap<>();
                for (int i = 0; i < SinkVariant.ALL.size(); i++) {
                    SinkVariant variant = SinkVariant.ALL.get((i + run) % SinkVariant.ALL.size());
                    String connector = "bench-sink-" + variant.slug().replace('_', '-') + "-" + run;
                    progress.phase(variant.label());
                    stack.connect().rest().putConnector(connector, config(stack, variant, records, options.shape()));
                    Throughput rate;
                    try {
                        rate = commits.await(connector, TOPIC, records, RUN_TIMEOUT);
                    } finally {
                        stack.connect().rest().deleteConnector(connector);
                    }
                    Buckets.empty(s3, BUCKET);
                    round.put(variant, rate.perSecond());
                    roundCpu.put(variant, rate.cpuSecondsPerMillion());
                    progress.result(String.format(
                            Locale.ROOT,
                            "%s %,.0f records/s, worker CPU %.2f s per million",
                            variant.label(),
                            rate.perSecond(),
                            rate.cpuSecondsPerMillion()));
                }
                if (run > 0) {
                    double noop = round.get(SinkVariant.NOOP);
                    round.forEach((variant, rate) -> {
                        rates.get(variant).add(rate);
                        ratios.get(variant).add(rate / noop);
                        cpus.get(variant).add(roundCpu.get(variant));
                    });
                }
            }
            admin.deleteTopics(List.of(TOPIC));
        }
        return report(header, runs, records, options.shape(), rates, ratios, cpus);
    }

    /** The shipped sink settings with the format under test; files of 1/20 of the topic give 20 measuring points. */
    static Map<String, String> config(PipelineStack stack, SinkVariant variant, long records, RecordShape shape) {
        Map<String, String> config = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET, shape);
        config.put("connector.class", variant.connectorClass());
        config.put("table.name", "bench_" + variant.slug());
        config.put("glue.table", "bench_" + variant.slug());
        config.put("flush.size", String.valueOf(ShippedSinkConfig.flushSize(records)));
        if (!variant.isNoop()) {
            config.put("format", variant.format());
            config.put("compression", variant.compression());
        }
        return config;
    }

    private static Report report(
            ReportHeader header,
            int runs,
            long records,
            RecordShape shape,
            Map<SinkVariant, List<Double>> rates,
            Map<SinkVariant, List<Double>> ratios,
            Map<SinkVariant, List<Double>> cpus) {
        StringBuilder md = new StringBuilder(header.markdown(runs));
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: one KRaft broker and one Connect worker (child JVMs from the stock Kafka jars, worker heap 1 GiB,
                `offset.flush.interval.ms=200`), S3Proxy (in memory) and the Glue endpoint in the benchmark's JVM, all on
                127.0.0.1 and one machine. The topic (1 partition) is filled once by the stock tick source (simulated clock,
                `max.ticks=%,d`; string keys, %s, as `connect-configs/%s` writes them). Each variant runs as
                a new connector (fresh consumer group, from the earliest offset, 1 task) with the settings of
                `connect-configs/%s` (Glue registration on) except the format under test and
                `flush.size=%,d`. The no-op sink discards every record (the cost of Connect itself: fetch, JSON conversion,
                offset commits); it is benchmark code, packed at run time into a plugin folder of its own. Rate: records
                committed from the connector's first offset commit to its first commit at or past 90%% of the topic, over
                that time (the sink commits only what is in S3 and registered in Glue). A warm-up pass over all variants
                first (not counted), then the runs, variants in a rotating order. Ratio: the variant's rate over the no-op
                sink's rate in the same run. Cost: the worker process's CPU time (user and system, all its threads, as the
                OS counts it) over the same window, per million records committed; only the worker's (not S3Proxy's, the
                Glue endpoint's or the broker's), and steadier than the rates on a shared machine.

                | sink | records/s per task, median | min – max | ratio to the no-op sink, median | min – max | goal | worker CPU s per million records, median | min – max |
                |---|---:|---:|---:|---:|---:|---:|---:|
                """,
                records,
                shape.description(),
                shape.sourceFile(),
                shape.sinkFile(),
                ShippedSinkConfig.flushSize(records)));
        rates.forEach((variant, values) -> {
            Spread rate = Spread.of(values);
            Spread ratio = Spread.of(ratios.get(variant));
            md.append("| ")
                    .append(variant.label())
                    .append(' ')
                    .append(rate.cells("%,.0f"))
                    .append(variant.isNoop() ? " 1 | – |" : ratio.cells("%.2f").substring(1))
                    .append(' ')
                    .append(variant.goalText(shape))
                    .append(' ')
                    .append(Spread.of(cpus.get(variant)).cells("%.2f"))
                    .append('\n');
        });
        List<Headline> headlines = new ArrayList<>();
        rates.keySet().stream()
                .filter(v -> !v.isNoop())
                .forEach(variant -> headlines.add(new Headline(
                        variant.label() + shape.titleSuffix(),
                        "our sink ÷ the no-op sink in the same worker, records/s per task",
                        variant.goalText(shape),
                        Headline.median(Spread.of(ratios.get(variant)), "%.2f") + ": "
                                + String.format(
                                        Locale.ROOT,
                                        "%,.0f records/s; worker CPU %.2f s per million (no-op %.2f)",
                                        Spread.of(rates.get(variant)).median(),
                                        Spread.of(cpus.get(variant)).median(),
                                        Spread.of(cpus.get(SinkVariant.NOOP)).median()))));
        headlines.add(Headline.of(
                "no-op sink" + shape.titleSuffix(),
                "Connect's own rate, records/s per task",
                "–",
                Spread.of(rates.get(SinkVariant.NOOP)),
                "%,.0f"));
        return new Report(header, md.toString(), headlines);
    }
}
