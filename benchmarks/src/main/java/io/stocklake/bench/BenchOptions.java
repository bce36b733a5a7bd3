package io.stocklake.bench;

import io.stocklake.bench.workload.RecordShape;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a benchmark run was asked for.
 *
 * @param smoke   a run of seconds that proves the benchmark works; its figures mean little and are not recorded
 * @param runs    how many measured runs, when given; each benchmark has its own default
 * @param command the command line as typed, quoted in the results
 * @param shape   how the tick values travel, for the benchmarks that run connectors on both sides of a topic
 * @param hours   hours of record time of ticks, when given, for the benchmarks that land a span of them
 */
public record BenchOptions(boolean smoke, OptionalInt runs, String command, RecordShape shape, OptionalInt hours) {

    public BenchOptions(boolean smoke, OptionalInt runs, String command) {
        this(smoke, runs, command, RecordShape.EMBEDDED_SCHEMA);
    }

    public BenchOptions(boolean smoke, OptionalInt runs, String command, RecordShape shape) {
        this(smoke, runs, command, shape, OptionalInt.empty());
    }

    /**
     * Parses the arguments after the benchmark's name:
     * {@code [--smoke] [--runs N] [--schema embedded|external] [--hours N]}.
     */
    public static BenchOptions parse(List<String> args, String command) {
        boolean smoke = false;
        OptionalInt runs = OptionalInt.empty();
        RecordShape shape = RecordShape.EMBEDDED_SCHEMA;
        OptionalInt hours = OptionalInt.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--runs") && i + 1 < args.size()) {
                runs = OptionalInt.of(positive(args.get(++i), "--runs"));
            } else if (arg.equals("--schema") && i + 1 < args.size()) {
                shape = RecordShape.of(args.get(++i));
            } else if (arg.equals("--hours") && i + 1 < args.size()) {
                hours = OptionalInt.of(positive(args.get(++i), "--hours"));
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new BenchOptions(smoke, runs, command, shape, hours);
    }

    public int runsOr(int defaultRuns) {
        return runs.orElse(defaultRuns);
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, got " + value);
    }
}
