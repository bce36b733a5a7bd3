package io.stocklake.bench;

import java.util.List;
import java.util.Locale;

/** The median of several runs and their range. */
public record Spread(double median, double min, double max) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1));
    }

    /** {@code | median | min–max |} cells with the given format, e.g. {@code "%,.0f"}. */
    public String cells(String format) {
        return "| " + String.format(Locale.ROOT, format, median) + " | " + String.format(Locale.ROOT, format, min)
                + " – " + String.format(Locale.ROOT, format, max) + " |";
    }
}
