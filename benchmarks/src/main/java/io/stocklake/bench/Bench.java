package io.stocklake.bench;

import io.stocklake.bench.analytics.AnalyticsBenchmark;
import io.stocklake.bench.compaction.CompactionBenchmark;
import io.stocklake.bench.freshness.FreshnessBenchmark;
import io.stocklake.bench.gluecalls.GlueCallsBenchmark;
import io.stocklake.bench.jmh.JmhBenchmark;
import io.stocklake.bench.memory.MemoryBenchmark;
import io.stocklake.bench.peer.PeerBenchmark;
import io.stocklake.bench.sink.SinkBenchmark;
import io.stocklake.bench.source.SourceBenchmark;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.RecordShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench NAME [--smoke] [--runs N] [--schema embedded|external]}: runs one benchmark, prints its results
 * and, unless it is a smoke run, writes them into its own section of BENCHMARKS.md (one per benchmark and record
 * shape). A new benchmark is one more entry in {@link #all()}.
 */
public final class Bench {

    /** The file the results go to, relative to the working directory (the project root, by ./bench). */
    static final String OUTPUT_PROPERTY = "bench.output";
    /** The command as the user typed it, passed by ./bench. */
    static final String COMMAND_PROPERTY = "bench.command";

    private Bench() {}

    public static Map<String, Benchmark> all() {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        for (Benchmark b : List.of(
                new SourceBenchmark(),
                new SinkBenchmark(),
                new PeerBenchmark(),
                new FreshnessBenchmark(),
                new MemoryBenchmark(),
                new GlueCallsBenchmark(),
                new AnalyticsBenchmark(),
                new CompactionBenchmark(),
                new JmhBenchmark())) {
            benchmarks.put(b.name(), b);
        }
        return benchmarks;
    }

    /** The sections of BENCHMARKS.md in the order of {@link #all()}, each benchmark's record shapes in turn. */
    public static List<String> sections() {
        List<String> sections = new ArrayList<>();
        for (Benchmark b : all().values()) {
            for (RecordShape shape :
                    b.takesRecordShape() ? List.of(RecordShape.values()) : List.of(RecordShape.EMBEDDED_SCHEMA)) {
                sections.add(shape.section(b.name()));
            }
        }
        return sections;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = all();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || !benchmarks.containsKey(args[0])) {
            System.err.println("Usage: ./bench NAME [--smoke] [--runs N] [--schema embedded|external]");
            benchmarks.values().forEach(b -> System.err.printf("  %-10s %s%n", b.name(), b.summary()));
            System.exit(args.length == 0 || args[0].startsWith("-") ? 0 : 2);
        }
        String command = System.getProperty(COMMAND_PROPERTY, "./bench " + String.join(" ", args));
        BenchOptions options = BenchOptions.parse(Arrays.asList(args).subList(1, args.length), command);
        if (options.shape() != RecordShape.EMBEDDED_SCHEMA
                && !benchmarks.get(args[0]).takesRecordShape()) {
            System.err.println("./bench " + args[0] + " has no --schema option");
            System.exit(2);
        }
        Path output = Path.of(System.getProperty(OUTPUT_PROPERTY, "BENCHMARKS.md"));
        try (BenchStack stack = new BenchStack(args[0] + "-benchmark")) {
            execute(benchmarks.get(args[0]), options, stack, output);
        }
        // Kafka clients and the stack's helpers may leave non-daemon threads behind; the work is done.
        System.exit(0);
    }

    /**
     * Runs one benchmark on {@code stack}, prints its results and, unless smoke, records them in {@code output}: its
     * own section, and its rows of the summary.
     */
    public static String execute(Benchmark benchmark, BenchOptions options, BenchStack stack, Path output)
            throws Exception {
        Progress progress = Progress.toStderr(benchmark.name() + (options.smoke() ? " --smoke" : ""));
        progress.phase("started");
        Report report = benchmark.run(options, stack, progress);
        progress.done();
        String results = report.markdown();
        String section = options.shape().section(benchmark.name());
        System.out.println();
        System.out.println(results);
        System.out.println(
                SummaryTable.parse("", List.of()).with(section, report).markdown());
        if (options.smoke()) {
            System.out.println("Smoke run: results not recorded.");
        } else {
            MarkdownSections sections = new MarkdownSections(output);
            sections.put(section, results);
            sections.put(
                    SummaryTable.SECTION,
                    SummaryTable.parse(sections.get(SummaryTable.SECTION).orElse(""), sections())
                            .with(section, report)
                            .markdown());
            System.out.println("Recorded in " + output + ", section " + section + ".");
        }
        return results;
    }
}
