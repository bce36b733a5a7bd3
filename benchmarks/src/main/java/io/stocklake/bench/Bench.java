package io.stocklake.bench;

import io.stocklake.bench.source.SourceBenchmark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench NAME [--smoke] [--runs N]}: runs one benchmark, prints its results and, unless it is a smoke
 * run, writes them into its own section of BENCHMARKS.md. A new benchmark is one more entry in {@link #all()}.
 */
public final class Bench {

    /** The file the results go to, relative to the working directory (the project root, by ./bench). */
    static final String OUTPUT_PROPERTY = "bench.output";
    /** The command as the user typed it, passed by ./bench. */
    static final String COMMAND_PROPERTY = "bench.command";

    private Bench() {
    }

    static Map<String, Benchmark> all() {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        for (Benchmark b : List.<Benchmark>of(new SourceBenchmark())) {
            benchmarks.put(b.name(), b);
        }
        return benchmarks;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = all();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || !benchmarks.containsKey(args[0])) {
            System.err.println("Usage: ./bench NAME [--smoke] [--runs N]");
            benchmarks.values().forEach(b -> System.err.printf("  %-8s %s%n", b.name(), b.summary()));
            System.exit(args.length == 0 || args[0].startsWith("-") ? 0 : 2);
        }
        Benchmark benchmark = benchmarks.get(args[0]);
        String command = System.getProperty(COMMAND_PROPERTY, "./bench " + String.join(" ", args));
        BenchOptions options = BenchOptions.parse(Arrays.asList(args).subList(1, args.length), command);

        String results = benchmark.run(options);

        System.out.println();
        System.out.println(results);
        if (options.smoke()) {
            System.out.println("Smoke run: results not recorded.");
        } else {
            Path output = Path.of(System.getProperty(OUTPUT_PROPERTY, "BENCHMARKS.md"));
            new MarkdownSections(output).put(benchmark.name(), results);
            System.out.println("Recorded in " + output + ", section " + benchmark.name() + ".");
        }
        // Kafka clients and the stack's helpers may leave non-daemon threads behind; the work is done.
        System.exit(0);
    }
}
