package io.stocklake.bench.compaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shipped queries of {@code athena/} that read one table, with their {@code ?} parameters bound in order to
 * the day and then the hour, as literals (Trino's Athena-compatible SQL takes them as they are).
 */
final class ShippedQueries {

    /** The folder of the shipped queries, set by ./bench. */
    static final String FOLDER_PROPERTY = "stocklake.athena.queries";

    private ShippedQueries() {}

    /** A query by its file name, with its parameters bound. */
    record Query(String file, String sql) {}

    /** The queries in {@code folder} that read {@code table}, in file name order. */
    static List<Query> reading(Path folder, String table, String day, String hour) {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList()) {
                String sql = withoutComments(Files.readString(file));
                if (sql.contains("." + table + "\n") || sql.contains("." + table + " ")) {
                    queries.add(new Query(file.getFileName().toString(), bind(sql, day, hour)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped queries in " + folder, e);
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("No shipped query in " + folder + " reads " + table);
        }
        return queries;
    }

    static String withoutComments(String sql) {
        StringBuilder kept = new StringBuilder();
        sql.lines()
                .filter(l -> !l.strip().startsWith("--"))
                .forEach(l -> kept.append(l).append('\n'));
        String text = kept.toString().strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /** The first {@code ?} becomes the day, the second the hour. */
    static String bind(String sql, String day, String hour) {
        String[] values = {day, hour};
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                if (next >= values.length) {
                    throw new IllegalArgumentException("More parameters than day and hour in: " + sql);
                }
                bound.append('\'').append(values[next++]).append('\'');
            } else {
                bound.append(c);
            }
        }
        return bound.toString();
    }
}
