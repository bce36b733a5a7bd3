package io.stocklake.bench;

/** One named benchmark: {@code ./bench NAME}. It measures and returns its section of BENCHMARKS.md. */
public interface Benchmark {

    /** The name on the command line and of its section. */
    String name();

    /** One line for {@code ./bench --help}. */
    String summary();

    /** Runs the benchmark and returns its results as Markdown, headed by a level-2 title. */
    String run(BenchOptions options) throws Exception;
}
