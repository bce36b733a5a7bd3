package io.stocklake.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the analytics queries users run ({@code athena/*.sql}), as written there: Trino SQL with {@code ?}
 * execution parameters against {@code awsdatacatalog.stock_market.stock_ticks}.
 *
 * @param file the file name, e.g. {@code vwap_hourly.sql}
 * @param sql the statement without its comment lines
 */
record AthenaQuery(String file, String sql) {

    static final String DIRECTORY_PROPERTY = "stocklake.athena.dir";
    /** The table the files query; tests point them at a table of the matrix instead. */
    static final String USERS_TABLE = "awsdatacatalog.stock_market.stock_ticks";

    static AthenaQuery load(String file) {
        Path path = directory().resolve(file);
        try {
            String sql = Files.readAllLines(path).stream()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip();
            return new AthenaQuery(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** The folder of the users' SQL ({@code athena/} at the project root; the build sets the property). */
    static Path directory() {
        String value = System.getProperty(DIRECTORY_PROPERTY);
        if (value == null || !Files.isDirectory(Paths.get(value))) {
            throw new IllegalStateException(
                    "System property " + DIRECTORY_PROPERTY + " must name the athena/ folder; got " + value);
        }
        return Paths.get(value);
    }

    /** The same query over another table, e.g. {@code awsdatacatalog.stock_market.ticks_json_gzip}. */
    AthenaQuery on(String qualifiedTable) {
        if (!sql.contains(USERS_TABLE)) {
            throw new IllegalStateException(file + " does not query " + USERS_TABLE);
        }
        return new AthenaQuery(file, sql.replace(USERS_TABLE, qualifiedTable));
    }

    /** How many {@code ?} execution parameters the statement takes (the files have no '?' in string literals). */
    int parameterCount() {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    /**
     * The statement with its parameters bound as Athena binds execution parameters, as a Trino statement:
     * {@code EXECUTE IMMEDIATE '<sql>' USING '2026-03-02', '22'}. Parameters are string values (dt, hour).
     */
    String executeImmediate(String... parameters) {
        if (parameters.length != parameterCount()) {
            throw new IllegalArgumentException(
                    file + " takes " + parameterCount() + " parameters, got " + Arrays.toString(parameters));
        }
        return "EXECUTE IMMEDIATE " + literal(sql) + " USING "
                + Arrays.stream(parameters).map(AthenaQuery::literal).collect(Collectors.joining(", "));
    }

    static List<String> files() {
        return List.of("ohlcv_1m.sql", "vwap_hourly.sql", "top_movers.sql", "spread_stats.sql", "ticks_per_second.sql");
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
