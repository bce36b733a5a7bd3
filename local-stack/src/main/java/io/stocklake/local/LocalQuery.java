package io.stocklake.local;

import io.stocklake.stack.LoopbackPorts;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code ./run-local query}: runs SQL through Trino's JDBC driver, against the running stack's Trino or, when
 * no stack runs, against a query side started for the moment on the data directory.
 */
final class LocalQuery {

    private LocalQuery() {}

    /**
     * @param parameters values for the statement's {@code ?} placeholders; missing ones default to today's date
     *                   and the current hour (UTC), as the shipped queries take (day, hour)
     */
    static List<List<String>> run(LocalStackSettings settings, String sql, List<String> parameters) throws Exception {
        List<String> values = withDefaults(sql, parameters);
        if (!PortCheck.isFree(settings.trinoPort())) {
            return execute(settings.trinoUrl(), sql, values);
        }
        if (!Files.isDirectory(settings.dataDir().resolve("s3"))) {
            throw new IllegalStateException("No running stack on " + settings.trinoUrl() + " and no data in "
                    + settings.dataDir() + "; start ./run-local first");
        }
        return withQuerySide(settings, uri -> execute(uri, sql, values));
    }

    private static List<List<String>> withQuerySide(LocalStackSettings running, QueryAt query) throws Exception {
        LakeSettings lake = new LakeSettings(
                LakeSettings.LOOPBACK,
                running.dataDir(),
                LoopbackPorts.free(),
                LoopbackPorts.free(),
                0,
                LocalStackSettings.ACCESS_KEY,
                LocalStackSettings.SECRET_KEY);
        try (LakeServices services = new LakeServices(lake).start(step -> {})) {
            LauncherLogs.sendTo(lake.dataDir().resolve("logs").resolve("query.log"));
            return query.run(services.trino().uri().toString());
        }
    }

    static List<String> withDefaults(String sql, List<String> given) {
        long placeholders = sql.chars().filter(c -> c == '?').count();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        List<String> defaults =
                List.of(now.format(DateTimeFormatter.ISO_LOCAL_DATE), now.format(DateTimeFormatter.ofPattern("HH")));
        List<String> values = new ArrayList<>(given);
        for (int i = values.size(); i < placeholders; i++) {
            values.add(i < defaults.size() ? defaults.get(i) : "");
        }
        return values;
    }

    /** Rows as text, the header first. */
    static List<List<String>> execute(String trinoUrl, String sql, List<String> parameters) throws SQLException {
        try (Connection connection = connect(trinoUrl, "local", null)) {
            return rows(connection, sql, parameters, Integer.MAX_VALUE);
        }
    }

    /**
     * Rows as text, the header first, at most {@code maxRows} of them, in a read-only transaction: the page's SQL
     * box runs here, so a statement that writes fails in Trino even if it got past the page's check.
     */
    static List<List<String>> executeReadOnly(String trinoUrl, String sql, List<String> parameters, int maxRows)
            throws SQLException {
        try (Connection connection = connect(trinoUrl, "dashboard", DashboardServer.MAX_SQL_TIME)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return rows(connection, sql, parameters, maxRows);
            } finally {
                connection.rollback();
            }
        }
    }

    /** @param maxRunTime how long Trino lets each query run before it fails it; null for Trino's default */
    private static Connection connect(String trinoUrl, String user, Duration maxRunTime) throws SQLException {
        String jdbc = "jdbc:trino://" + trinoUrl.replaceFirst("^https?://", "") + "/" + LocalStackSettings.CATALOG + "/"
                + LocalStackSettings.DATABASE;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (maxRunTime != null) {
            properties.setProperty("sessionProperties", "query_max_run_time:" + maxRunTime.toSeconds() + "s");
        }
        return DriverManager.getConnection(jdbc, properties);
    }

    private static List<List<String>> rows(Connection connection, String sql, List<String> parameters, int maxRows)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(sql.strip().replaceAll(";\\s*$", ""))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<List<String>> rows = new ArrayList<>();
                List<String> header = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    header.add(meta.getColumnLabel(c));
                }
                rows.add(header);
                while (rows.size() <= maxRows && rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.add(String.valueOf(rs.getObject(c)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Column-aligned text, header underlined. */
    static String format(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                out.append(c == 0 ? "" : " | ")
                        .append(String.format(
                                "%-" + widths[c] + "s", rows.get(r).get(c)));
            }
            out.append(System.lineSeparator());
            if (r == 0) {
                for (int c = 0; c < columns; c++) {
                    out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
                }
                out.append(System.lineSeparator());
            }
        }
        out.append("(").append(rows.size() - 1).append(rows.size() == 2 ? " row)" : " rows)");
        return out.toString();
    }

    private interface QueryAt {
        List<List<String>> run(String trinoUrl) throws Exception;
    }
}
