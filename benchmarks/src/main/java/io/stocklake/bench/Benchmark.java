package io.stocklake.bench;

import io.stocklake.bench.stack.BenchStack;

/** One named benchmark: {@code ./bench NAME}. It measures and returns its section of BENCHMARKS.md. */
public interface Benchmark {

    /** The name on the command line and of its section. */
    String name();

    /** One line for {@code ./bench --help}. */
    String summary();

    /** Whether it runs connectors on both sides of a topic, so that {@code --schema} changes what it measures. */
    default boolean takesRecordShape() {
        return false;
    }

    /**
     * Runs the benchmark and returns its results: its section as Markdown, headed by a level-2 title, and the
     * figures of it that the summary shows.
     *
     * @param stack the stack to run on, started by the first {@link BenchStack#get()}; a benchmark that needs none
     *              never asks for it
     * @param progress where it tells which run and phase it is in, as it goes
     */
    Report run(BenchOptions options, BenchStack stack, Progress progress) throws Exception;
}
