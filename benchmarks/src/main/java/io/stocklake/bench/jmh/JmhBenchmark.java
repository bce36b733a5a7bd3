package io.stocklake.bench.jmh;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.stack.BenchStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH micro-benchmarks of the hot paths ({@link TickGenerationBench}, {@link EncoderBench},
 * {@link SinkPutBench}, {@link ConverterBench}): records per second
 * of one thread, to see where time goes and whether a change helps. Needs no stack.
 */
public final class JmhBenchmark implements Benchmark {

    private static final int FORKS = 2;
    private static final int WARMUP_ITERATIONS = 3;
    private static final int ITERATIONS = 5;
    private static final TimeValue ITERATION_TIME = TimeValue.seconds(2);

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String summary() {
        return "JMH micro-benchmarks: tick generation, each encoder, the sink task's put and the JSON converter,"
                + " records/s of one thread";
    }

    @Override
    public Report run(BenchOptions options, BenchStack stack, Progress progress) throws Exception {
        ReportHeader header = ReportHeader.start("JMH micro-benchmarks of the hot paths", options);
        Shape shape = options.smoke()
                ? Shape.SMOKE
                : new Shape(options.runsOr(FORKS), WARMUP_ITERATIONS, ITERATIONS, ITERATION_TIME);
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(TickGenerationBench.class.getName())
                .include(EncoderBench.class.getName())
                .include(SinkPutBench.class.getName())
                .include(ConverterBench.class.getName())
                .shouldFailOnError(true);
        jmh.forks(shape.forks())
                .warmupIterations(shape.warmups())
                .warmupTime(shape.time())
                .measurementIterations(shape.iterations())
                .measurementTime(shape.time())
                .jvmArgsAppend("-Xmx1g");
        // JMH reports each iteration on stdout itself; forks and iterations are its runs.
        progress.phase(String.format(
                Locale.ROOT,
                "JMH: %d forks of %d warm-up and %d measured iterations of %s",
                shape.forks(),
                shape.warmups(),
                shape.iterations(),
                shape.time()));
        Collection<RunResult> results = new Runner(jmh.build()).run();
        return report(header, shape, results);
    }

    /** How much JMH runs: forks (0: in this JVM), iterations and their length. */
    record Shape(int forks, int warmups, int iterations, TimeValue time) {
        /** In this JVM, one short iteration each: proves that every benchmark runs. */
        static final Shape SMOKE = new Shape(0, 0, 1, TimeValue.milliseconds(200));
    }

    private static Report report(ReportHeader header, Shape shape, Collection<RunResult> results) {
        StringBuilder md = new StringBuilder(header.markdown(Math.max(1, shape.forks())));
        md.append(String.format(
                Locale.ROOT,
                """
                JMH 1.37, throughput mode, one thread; %d forks (the runs), each %d warm-up and %d measured iterations
                of %s. `TickGenerationBench`: the stock tick source task's `poll()` on the simulated clock (batches
                of %,d ticks: market model, generator, Connect structs and records). `EncoderBench`: one file of %,d
                ticks (the source's records as a sink task receives them) written by the sink's own file writer per
                format, open to finish, into a stream that only counts bytes. `SinkPutBench`: the sink task's whole `put` (routing,
                the partition's file, encoding, the memory bound, rotating and finishing files) with the shipped sink settings
                and the format under test, batches of %,d of those ticks, into a store that only counts bytes (no S3, no
                Glue, no Connect). `ConverterBench`: Kafka's JsonConverter on
                batches of %,d of those ticks, as a worker runs it on every record: `fromConnectData` on the source's
                side, `toConnectData` on the sink's; `embedded schema` is the shipped shape (the schema in every
                record), `external schema` the payload alone, read with `schema.content` (Kafka Connect 4.2 and
                later). Score: records per second, with JMH's 99.9%% confidence interval over all iterations of all
                forks.

                | benchmark | records/s | ± | ns per record | bytes per record |
                |---|---:|---:|---:|---:|
                """,
                shape.forks(),
                shape.warmups(),
                shape.iterations(),
                shape.time(),
                TickGenerationBench.BATCH,
                EncoderBench.FILE_RECORDS,
                SinkPutBench.BATCH,
                ConverterBench.BATCH));
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> label(a).compareTo(label(b)));
        List<Headline> headlines = new ArrayList<>();
        for (RunResult run : sorted) {
            Result<?> score = run.getPrimaryResult();
            double error = score.getScoreError();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %s | %,.0f | %s |%n",
                    label(run),
                    score.getScore(),
                    Double.isNaN(error) ? "–" : String.format(Locale.ROOT, "%,.0f", error),
                    1e9 / score.getScore(),
                    bytesPerRecord(run)));
            headlines.add(new Headline(
                    label(run),
                    "ns per record, one thread, no Kafka, S3 or Glue",
                    "–",
                    String.format(Locale.ROOT, "%,.0f", 1e9 / score.getScore())));
        }
        return new Report(header, md.toString(), headlines);
    }

    private static String label(RunResult run) {
        String benchmark = run.getParams().getBenchmark();
        String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        String format = run.getParams().getParam("format");
        String schema = run.getParams().getParam("schema");
        return format != null ? simple + " " + format : schema != null ? simple + " " + schema + " schema" : simple;
    }

    /** The encoders' and the converter's output per record, from records made here (JMH keeps no side results). */
    private static String bytesPerRecord(RunResult run) {
        String schema = run.getParams().getParam("schema");
        if (schema != null) {
            ConverterBench bench = new ConverterBench();
            bench.schema = schema;
            bench.prepare();
            return String.format(Locale.ROOT, "%.1f", bench.bytesPerRecord());
        }
        String format = run.getParams().getParam("format");
        if (format == null || !run.getParams().getBenchmark().startsWith(EncoderBench.class.getName())) {
            return "–";
        }
        EncoderBench bench = new EncoderBench();
        bench.format = format;
        bench.prepare();
        try {
            return String.format(Locale.ROOT, "%.1f", bench.writeFile() / (double) EncoderBench.FILE_RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
