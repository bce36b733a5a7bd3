package io.stocklake.bench.peer;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.stack.NoopSinkConnector;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.CommitProgress;
import io.stocklake.bench.workload.PrefilledTopic;
import io.stocklake.bench.workload.ProcessCpu;
import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.bench.workload.UniqueNames;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.SinkGroupOffsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our sink beside a peer, Apache Iceberg's Kafka Connect sink, both writing the same pre-filled topic as Parquet
 * + zstd to the same S3 server from the same worker, one task each, one after the other in every run (the order
 * rotating): records/s and the ratio ours/theirs per run. The no-op sink reads the same topic in the same runs:
 * no sink can beat it, so its ratio to the peer bounds ours.
 */
public final class PeerBenchmark implements Benchmark {

    static final String TOPIC = "bench-peer-ticks";
    static final String BUCKET = "bench-peer";
    private static final int DEFAULT_RUNS = 5;
    // Enough for the 10-90% window to span many of the peer's 1 s commits, not two or three; scaled by the shape
    // (RecordShape.topicRecords) like the sink benchmark's.
    private static final long RECORDS = 600_000;
    private static final long SMOKE_RECORDS = 10_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "peer";
    }

    @Override
    public String summary() {
        return "records/s and worker CPU per million of our sink vs. Apache Iceberg's Kafka Connect sink"
                + " (and a no-op sink), same topic, same S3";
    }

    @Override
    public boolean takesRecordShape() {
        return true;
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) throws IOException {
        if (!BenchStack.hasPeer()) {
            throw new IllegalStateException("The peer's plugin folder is missing (system property "
                    + BenchStack.PEER_PLUGIN_PROPERTY + "); ./bench builds it");
        }
        long records = options.smoke() ? SMOKE_RECORDS : options.shape().topicRecords(RECORDS);
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start(
                "Peer: our sink vs. Apache Iceberg's Kafka Connect sink"
                        + options.shape().titleSuffix(),
                options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        Path catalogDir = Files.createTempDirectory("bench-iceberg-catalog");
        Map<Side, List<Double>> rates = new EnumMap<>(Side.class);
        List<Double> ratios = new ArrayList<>();
        List<Double> ceilings = new ArrayList<>();
        Map<Side, List<Double>> cpus = new EnumMap<>(Side.class);
        List<Double> costShares = new ArrayList<>();
        try (Admin admin = stack.broker().admin();
                S3Client s3 = stack.s3().client()) {
            progress.phase("filling the topic");
            PrefilledTopic.fill(stack, TOPIC, records, options.shape());
            stack.s3().createBucket(BUCKET);
            CommitProgress commits = new CommitProgress(
                    new SinkGroupOffsets(admin),
                    stack.connect().rest(),
                    options.smoke(),
                    ProcessCpu.of(stack.connect().worker(0).pid()));
            for (int run = options.smoke() ? 1 : 0; run <= runs; run++) {
                progress.run(run, runs);
                Map<Side, Double> round = new EnumMap<>(Side.class);
                Map<Side, Double> roundCpu = new EnumMap<>(Side.class);
                for (int i = 0; i < Side.values().length; i++) {
                    Side side = Side.values()[(i + run) % Side.values().length];
                    String connector = "bench-peer-" + side.name().toLowerCase(Locale.ROOT) + "-" + run;
                    progress.phase(side.label);
                    stack.connect()
                            .rest()
                            .putConnector(connector, config(side, stack, options.shape(), records, run, catalogDir));
                    Throughput rate;
                    try {
                        rate = commits.await(connector, TOPIC, records, RUN_TIMEOUT);
                    } finally {
                        stack.connect().rest().deleteConnector(connector);
                    }
                    Buckets.empty(s3, BUCKET);
                    round.put(side, rate.perSecond());
                    roundCpu.put(side, rate.cpuSecondsPerMillion());
                }
                double ratio = round.get(Side.OURS) / round.get(Side.ICEBERG);
                double ceiling = round.get(Side.NOOP) / round.get(Side.ICEBERG);
                double costShare = costShare(roundCpu);
                progress.result(String.format(
                        Locale.ROOT,
                        "ours %,.0f records/s, Iceberg %,.0f, no-op %,.0f;" + " ratio %.2f (ceiling %.2f);"
                                + " worker CPU s per million: ours %.2f, Iceberg %.2f, no-op %.2f; cost share %.2f",
                        round.get(Side.OURS),
                        round.get(Side.ICEBERG),
                        round.get(Side.NOOP),
                        ratio,
                        ceiling,
                        roundCpu.get(Side.OURS),
                        roundCpu.get(Side.ICEBERG),
                        roundCpu.get(Side.NOOP),
                        costShare));
                if (run > 0) {
                    round.forEach((side, rate) ->
                            rates.computeIfAbsent(side, s -> new ArrayList<>()).add(rate));
                    roundCpu.forEach((side, cpu) ->
                            cpus.computeIfAbsent(side, s -> new ArrayList<>()).add(cpu));
                    ratios.add(ratio);
                    ceilings.add(ceiling);
                    costShares.add(costShare);
                }
            }
            admin.deleteTopics(List.of(TOPIC));
        }
        return report(header, records, options.shape(), rates, ratios, ceilings, cpus, costShares);
    }

    /**
     * The cost goal's figure: the worker CPU per record our sink adds to Connect's own (the no-op sink's) over what
     * the Iceberg sink adds to it, in one run.
     */
    static double costShare(Map<Side, Double> cpuPerMillion) {
        double noop = cpuPerMillion.get(Side.NOOP);
        return (cpuPerMillion.get(Side.OURS) - noop) / (cpuPerMillion.get(Side.ICEBERG) - noop);
    }

    /** The sinks of a run. */
    enum Side {
        OURS("our sink"),
        ICEBERG("Iceberg sink"),
        NOOP("no-op sink");

        private final String label;

        Side(String label) {
            this.label = label;
        }
    }

    private static Map<String, String> config(
            Side side, PipelineStack stack, RecordShape shape, long records, int run, Path catalogDir) {
        return switch (side) {
            case OURS -> ourConfig(stack, shape, records);
            case ICEBERG -> theirConfig(stack, shape, run, catalogDir);
            case NOOP -> noopConfig(stack, shape);
        };
    }

    private static Map<String, String> noopConfig(PipelineStack stack, RecordShape shape) {
        Map<String, String> config = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET, shape);
        config.put("connector.class", NoopSinkConnector.class.getName());
        return config;
    }

    private static Map<String, String> ourConfig(PipelineStack stack, RecordShape shape, long records) {
        Map<String, String> config = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET, shape);
        config.put("table.name", "bench_peer");
        config.put("glue.table", "bench_peer");
        config.put("compression", "zstd");
        config.put("flush.size", String.valueOf(ShippedSinkConfig.flushSize(records)));
        return config;
    }

    private static Map<String, String> theirConfig(PipelineStack stack, RecordShape shape, int run, Path catalogDir) {
        String control = UniqueNames.of("bench-peer-control-" + run);
        stack.broker().createTopic(control, 1);
        Map<String, String> config = IcebergSinkConfig.forTopic(
                stack, TOPIC, "ticks_" + run, control, catalogDir.resolve("catalog.db"), BUCKET);
        // The framework's settings are not ours to keep: the peer reads with the same converters and fetch sizes.
        config.putAll(shape.sinkConverters());
        config.putAll(ShippedSinkConfig.consumerOverrides());
        return config;
    }

    private static Report report(
            ReportHeader header,
            long records,
            RecordShape shape,
            Map<Side, List<Double>> rates,
            List<Double> ratios,
            List<Double> ceilings,
            Map<Side, List<Double>> cpus,
            List<Double> costShares) {
        StringBuilder md = new StringBuilder(header.markdown(ratios.size()));
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: as for the sink benchmark; the worker's `plugin.path` also holds Apache Iceberg's Kafka Connect
                sink (`org.apache.iceberg:iceberg-kafka-connect` from Maven Central, with iceberg-aws and its AWS SDK
                bundle, iceberg-parquet, Hadoop's client jars for Parquet's `Configuration`, and sqlite-jdbc; the folder
                is built by the benchmarks module). The topic (1 partition) holds %,d ticks of the stock tick source
                (simulated clock; %s, as `connect-configs/%s` writes them). Each run starts (1) our sink:
                the settings of `connect-configs/%s` (Glue registration on) with Parquet + zstd and `flush.size=%,d`;
                (2) the Iceberg sink: a new table auto-created from the record schema (partitioned by
                `hour(event_time)`, the hourly partitions ours writes as `dt`/`hour`; Parquet with Iceberg's default
                zstd), a JDBC catalog on an SQLite file, S3FileIO on the same S3 server,
                `iceberg.control.commit.interval-ms=%s`, and the `consumer.override.*` settings of the shipped sink
                config (the same converters and fetch sizes); (3) the no-op sink of the sink benchmark (the shipped settings; it
                discards every record): no sink can be faster in this worker, so (3)/(2) bounds (1)/(2). (1) and (2)
                commit the consumer offsets of records that are durable (ours: files in S3 and partitions in Glue;
                Iceberg: files in a committed snapshot). The three run one after the other in a rotating order.
                Rate: records committed from the connector's first offset commit to its first commit at or past 90%%
                of the topic, over that time. Cost: the worker process's CPU time (user and system, all its threads, as
                the OS counts it) over the same window, per million records committed: only the worker's (not
                S3Proxy's, the Glue endpoint's, the broker's or the peer's SQLite file's), and steadier than the rates
                on a shared machine; cost share = ((1) − (3)) / ((2) − (3)) per run, what each sink adds to Connect's
                own work. A warm-up run first (not counted).

                | measure | median | min – max |
                |---|---:|---:|
                """,
                records,
                shape.description(),
                shape.sourceFile(),
                shape.sinkFile(),
                ShippedSinkConfig.flushSize(records),
                IcebergSinkConfig.COMMIT_INTERVAL_MS));
        md.append("| (1) our sink, records/s (1 task) ")
                .append(Spread.of(rates.get(Side.OURS)).cells("%,.0f"))
                .append('\n');
        md.append("| (2) Iceberg sink, records/s (1 task) ")
                .append(Spread.of(rates.get(Side.ICEBERG)).cells("%,.0f"))
                .append('\n');
        md.append("| (3) no-op sink, records/s (1 task) ")
                .append(Spread.of(rates.get(Side.NOOP)).cells("%,.0f"))
                .append('\n');
        md.append("| ratio (1)/(2), per run: the goal's figure ")
                .append(Spread.of(ratios).cells("%.2f"))
                .append('\n');
        md.append("| ratio (3)/(2), per run: the most any sink reaches ")
                .append(Spread.of(ceilings).cells("%.2f"))
                .append('\n');
        md.append("| (1) our sink, worker CPU s per million records ")
                .append(Spread.of(cpus.get(Side.OURS)).cells("%.2f"))
                .append('\n');
        md.append("| (2) Iceberg sink, worker CPU s per million records ")
                .append(Spread.of(cpus.get(Side.ICEBERG)).cells("%.2f"))
                .append('\n');
        md.append("| (3) no-op sink, worker CPU s per million records ")
                .append(Spread.of(cpus.get(Side.NOOP)).cells("%.2f"))
                .append('\n');
        md.append("| cost share ((1) − (3)) / ((2) − (3)), per run: the cost goal's figure ")
                .append(Spread.of(costShares).cells("%.2f"))
                .append('\n');
        md.append("\nGoals: ratio ≥ 2; cost share ≤ 0.50.\n");
        return new Report(
                header,
                md.toString(),
                List.of(
                        new Headline(
                                "peer" + shape.titleSuffix(),
                                "our Parquet + zstd sink ÷ Apache Iceberg's sink, records/s per task",
                                "≥ 2",
                                Headline.median(Spread.of(ratios), "%.2f") + "; ceiling (no-op ÷ Iceberg) "
                                        + Headline.median(Spread.of(ceilings), "%.2f")),
                        new Headline(
                                "sink cost" + shape.titleSuffix(),
                                "worker CPU per record: ours above the no-op sink's ÷ Iceberg's above the no-op sink's",
                                "≤ 0.50",
                                Headline.median(Spread.of(costShares), "%.2f")
                                        + String.format(
                                                Locale.ROOT,
                                                "; CPU s per million records: ours %.2f, Iceberg %.2f, no-op %.2f",
                                                Spread.of(cpus.get(Side.OURS)).median(),
                                                Spread.of(cpus.get(Side.ICEBERG))
                                                        .median(),
                                                Spread.of(cpus.get(Side.NOOP)).median()))));
    }
}
