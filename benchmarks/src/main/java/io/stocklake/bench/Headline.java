package io.stocklake.bench;

import java.util.Locale;

/**
 * One figure of a benchmark's results as the summary of BENCHMARKS.md shows it.
 *
 * @param figure   what it is, e.g. {@code "JSON lines"}
 * @param compares what it measures or divides by what
 * @param goal     what it should reach, {@code "–"} for a figure without a goal
 * @param now      its median and range, with whatever else it needs to be read
 */
public record Headline(String figure, String compares, String goal, String now) {

    /** A figure given as its median and range, e.g. {@code 0.75 (0.67 – 0.76)} for {@code "%.2f"}. */
    public static Headline of(String figure, String compares, String goal, Spread spread, String format) {
        return new Headline(figure, compares, goal, median(spread, format));
    }

    /** The median and the range in brackets. */
    public static String median(Spread spread, String format) {
        return String.format(Locale.ROOT, format, spread.median()) + " ("
                + String.format(Locale.ROOT, format, spread.min()) + " – "
                + String.format(Locale.ROOT, format, spread.max()) + ")";
    }
}
