package io.stocklake.bench.memory;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.CommittedAll;
import io.stocklake.bench.workload.PrefilledTopic;
import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Peak heap of the worker JVM while one sink task keeps 1,000 output partitions open at the default buffer bound
 * ({@code buffer.max.bytes}, 256 MiB): 1,000 symbols whose ticks all fall into one hour, partitioned by symbol,
 * read from a pre-filled topic. The heap is read over JMX from the worker's JVM.
 */
public final class MemoryBenchmark implements Benchmark {

    static final String TOPIC = "bench-memory-ticks";
    static final String BUCKET = "bench-memory";
    static final int SYMBOLS = 1_000;
    private static final int DEFAULT_RUNS = 3;
    private static final long RECORDS = 1_000_000;
    private static final long SMOKE_RECORDS = 20_000;
    private static final long ROTATION_MILLIS = 15_000;
    private static final long SMOKE_ROTATION_MILLIS = 3_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final double MIB = 1024 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "peak worker heap with 1,000 open output partitions at the default buffer bound";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) {
        long records = options.smoke() ? SMOKE_RECORDS : RECORDS;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        long rotation = options.smoke() ? SMOKE_ROTATION_MILLIS : ROTATION_MILLIS;
        ReportHeader header = ReportHeader.start("Memory: 1,000 open output partitions", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        List<Run> results = new ArrayList<>();
        try (Admin admin = stack.broker().admin();
                S3Client s3 = stack.s3().client();
                WorkerHeap heap = WorkerHeap.attach(stack.connect().worker(0).pid())) {
            progress.phase("filling the topic");
            // All ticks in one trading hour: 1,000 symbols at 100,000 ticks a trading second.
            PrefilledTopic.fill(
                    stack,
                    TOPIC,
                    records,
                    RecordShape.EMBEDDED_SCHEMA,
                    Map.of("symbols.generated", String.valueOf(SYMBOLS), "ticks.per.second", "100000"));
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            for (int run = 1; run <= runs; run++) {
                progress.run(run, runs);
                String connector = "bench-memory-" + run;
                String table = "bench_memory_" + run;
                Map<String, String> config = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET);
                config.put("table.name", table);
                config.put("glue.table", table);
                config.put("partition.fields", "symbol");
                config.put("rotate.schedule.interval.ms", String.valueOf(rotation));
                config.remove("buffer.max.bytes");
                long baseline = heap.liveAfterGc();
                heap.resetPeaks();
                try (HeapSampler sampler = new HeapSampler(heap).start()) {
                    stack.connect().rest().putConnector(connector, config);
                    try {
                        CommittedAll.await(offsets, stack.connect().rest(), connector, TOPIC, records, RUN_TIMEOUT);
                    } finally {
                        stack.connect().rest().deleteConnector(connector);
                    }
                    List<S3Lake.LakeObject> files = new S3Lake(s3, BUCKET).objects("topics/" + table + "/");
                    long partitions = files.stream()
                            .map(f -> f.partitionValues().toString())
                            .distinct()
                            .count();
                    Run result = new Run(
                            baseline,
                            sampler.maxUsed(),
                            sampler.maxLive(),
                            heap.sumOfPoolPeaks(),
                            heap.max(),
                            partitions,
                            files.size());
                    results.add(result);
                    progress.result(String.format(
                            Locale.ROOT,
                            "live %.0f MiB (baseline %.0f), used %.0f MiB," + " %d partitions, %d files",
                            result.maxLive() / MIB,
                            baseline / MIB,
                            result.maxUsed() / MIB,
                            partitions,
                            files.size()));
                }
                Buckets.empty(s3, BUCKET);
            }
            admin.deleteTopics(List.of(TOPIC));
        }
        return report(header, records, rotation, results);
    }

    private static Report report(ReportHeader header, long records, long rotation, List<Run> runs) {
        StringBuilder md = new StringBuilder(header.markdown(runs.size()));
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: as for the sink benchmark (worker heap %s). The topic (1 partition) holds %,d ticks of %,d
                generated symbols, all in one trading hour (`symbols.generated=%d`, `ticks.per.second=100000`), so a
                task writing them with `partition.fields=symbol` holds %,d files open at once. Each run: one task with
                the settings of `connect-configs/s3-glue-sink.json` (Parquet + snappy, Glue on) with
                `partition.fields=symbol`, `rotate.schedule.interval.ms=%,d` and `buffer.max.bytes` left at its default
                (256 MiB), until every record is committed. The benchmark attaches to the worker's JVM (Attach API, JMX)
                and samples the heap in use every %d ms and the live heap after a forced full GC every %,d ms; baseline
                is the worker's live heap before the connector starts. Goal: peak heap ≤ 256 MiB.

                | measure | median | min – max |
                |---|---:|---:|
                """,
                BenchStack.WORKER_HEAP,
                records,
                SYMBOLS,
                SYMBOLS,
                SYMBOLS,
                rotation,
                HeapSampler.USED_EVERY_MILLIS,
                HeapSampler.LIVE_EVERY_MILLIS));
        md.append("| peak live heap after full GC, MiB ")
                .append(mib(runs, Run::maxLive))
                .append('\n');
        md.append("| of which the worker before the connector (baseline), MiB ")
                .append(mib(runs, Run::baseline))
                .append('\n');
        md.append("| peak live heap − baseline (the sink task), MiB ")
                .append(mib(runs, r -> r.maxLive() - r.baseline()))
                .append('\n');
        md.append("| peak heap in use, garbage included (sampled), MiB ")
                .append(mib(runs, Run::maxUsed))
                .append('\n');
        md.append("| sum of the heap pools' peaks, MiB ")
                .append(mib(runs, Run::poolPeaks))
                .append('\n');
        md.append("| output partitions written ")
                .append(count(runs, Run::partitions))
                .append('\n');
        md.append("| files written ").append(count(runs, Run::files)).append('\n');
        return new Report(
                header,
                md.toString(),
                List.of(new Headline(
                        "memory",
                        String.format(
                                Locale.ROOT,
                                "the sink task's peak live heap over the worker's baseline, %,d open output"
                                        + " partitions",
                                SYMBOLS),
                        "≤ 256 MiB",
                        Headline.median(
                                        Spread.of(runs.stream()
                                                .map(r -> (r.maxLive() - r.baseline()) / MIB)
                                                .toList()),
                                        "%,.0f")
                                + " MiB; whole worker "
                                + Headline.median(
                                        Spread.of(runs.stream()
                                                .map(r -> r.maxLive() / MIB)
                                                .toList()),
                                        "%,.0f")
                                + " MiB")));
    }

    private static String mib(List<Run> runs, ToDoubleFunction<Run> bytes) {
        return Spread.of(runs.stream().map(r -> bytes.applyAsDouble(r) / MIB).toList())
                .cells("%,.0f");
    }

    private static String count(List<Run> runs, ToDoubleFunction<Run> value) {
        return Spread.of(runs.stream().map(value::applyAsDouble).toList()).cells("%,.0f");
    }

    /** Bytes of one run. */
    record Run(long baseline, long maxUsed, long maxLive, long poolPeaks, long heapMax, long partitions, long files) {}
}
