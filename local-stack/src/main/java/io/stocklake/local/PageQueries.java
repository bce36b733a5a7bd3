package io.stocklake.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The queries the page runs by name: the shipped {@code athena/*.sql} (the same files users run in Athena) and the
 * page's own few in {@code dashboard/sql/} (series that no shipped query gives, such as the spread per minute).
 */
final class PageQueries {

    static final List<String> PAGE_OWN = List.of("spread_1m", "vwap_running");

    private final Map<String, String> shipped;
    private final Map<String, String> own;

    PageQueries(Map<String, String> shipped, Map<String, String> own) {
        this.shipped = Map.copyOf(shipped);
        this.own = Map.copyOf(own);
    }

    /** The top-level {@code *.sql} files of {@code athenaDir} (not its {@code ddl/}) and the page's own queries. */
    static PageQueries load(Path athenaDir) {
        Map<String, String> shipped = new LinkedHashMap<>();
        if (Files.isDirectory(athenaDir)) {
            try (Stream<Path> files = Files.list(athenaDir)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                        .sorted()
                        .toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
                    shipped.put(name, Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> own = new LinkedHashMap<>();
        for (String name : PAGE_OWN) {
            try (InputStream in = PageQueries.class.getResourceAsStream("/dashboard/sql/" + name + ".sql")) {
                if (in == null) {
                    throw new IllegalStateException("Missing page query dashboard/sql/" + name + ".sql");
                }
                own.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PageQueries(shipped, own);
    }

    /** Names of the shipped queries, for the page's one-click list. */
    List<String> shippedNames() {
        return shipped.keySet().stream().sorted().toList();
    }

    String sql(String name) {
        String sql = shipped.containsKey(name) ? shipped.get(name) : own.get(name);
        if (sql == null) {
            throw new IllegalArgumentException(
                    "Unknown query '" + name + "'; known: " + shippedNames() + " " + PAGE_OWN);
        }
        return sql;
    }

    /**
     * The named query as it runs: with {@code symbol}, its rows narrowed to that symbol (the query's own parameters
     * stay as they are; the symbol becomes the last one).
     */
    Statement statement(String name, String symbol, List<String> parameters) {
        String sql = sql(name).strip().replaceAll(";\\s*$", "");
        List<String> values = new ArrayList<>(LocalQuery.withDefaults(sql, parameters));
        if (symbol == null || symbol.isBlank()) {
            return new Statement(sql, List.copyOf(values));
        }
        values.add(symbol);
        return new Statement("SELECT * FROM (\n" + sql + "\n) WHERE symbol = ?", List.copyOf(values));
    }

    /** SQL with its {@code ?} values in order. */
    record Statement(String sql, List<String> parameters) {}
}
