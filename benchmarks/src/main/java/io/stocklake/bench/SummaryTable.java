package io.stocklake.bench;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary at the top of BENCHMARKS.md, its own section: one row per headline figure, each row naming the
 * section it comes from. Recording a section replaces that section's rows and keeps the others; rows follow the
 * order of the sections given, rows of sections not in it last.
 */
public final class SummaryTable {

    /** The name of the summary's own section. */
    public static final String SECTION = "summary";

    static final String HEADER = """
            | section | figure | compares | goal | now | command | measured (load at start) |
            |---|---|---|---|---|---|---|
            """;

    private final List<String> order;
    private final Map<String, List<String>> rows;

    private SummaryTable(List<String> order, Map<String, List<String>> rows) {
        this.order = List.copyOf(order);
        this.rows = rows;
    }

    /** Reads the rows of an existing summary (its section's body; empty when there is none yet). */
    public static SummaryTable parse(String body, List<String> order) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        body.lines().filter(line -> line.startsWith("| `")).forEach(line -> {
            String section = line.substring(3, line.indexOf('`', 3));
            rows.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
        });
        return new SummaryTable(order, rows);
    }

    /** This summary with the rows of {@code section} replaced by the headlines of {@code report}. */
    public SummaryTable with(String section, Report report) {
        Map<String, List<String>> updated = new LinkedHashMap<>(rows);
        updated.put(
                section,
                report.headlines().stream()
                        .map(h -> row(section, h, report.header()))
                        .toList());
        return new SummaryTable(order, updated);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder(HEADER);
        order.stream()
                .filter(rows::containsKey)
                .forEach(s -> rows.get(s).forEach(r -> md.append(r).append('\n')));
        rows.forEach((section, lines) -> {
            if (!order.contains(section)) {
                lines.forEach(r -> md.append(r).append('\n'));
            }
        });
        return md.toString();
    }

    static String row(String section, Headline headline, ReportHeader header) {
        String measured = String.format(
                Locale.ROOT,
                "%s (%.1f)",
                header.started().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10),
                header.machine().loadAverage());
        return "| `" + section + "` | "
                + String.join(
                        " | ",
                        cell(headline.figure()),
                        cell(headline.compares()),
                        cell(headline.goal()),
                        cell(headline.now()),
                        "`" + cell(header.command()) + "`",
                        measured)
                + " |";
    }

    /** A pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
