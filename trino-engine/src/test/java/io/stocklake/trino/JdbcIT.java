package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP endpoint answers the Trino JDBC driver, as it will answer the Trino CLI and BI tools. */
@ExtendWith(LocalLakeExtension.class)
class JdbcIT {
    private static final String PREFIX = "jdbc/ticks/";

    private static LocalLake lake;

    @BeforeAll
    static void writeTable(LocalLake localLake) {
        lake = localLake;
        lake.createDatabase("jdbc_it");
        lake.createTable(
                "jdbc_it",
                StorageFormat.JSON_LINES.table(
                        "ticks", LocalLake.location(PREFIX), TickFiles.COLUMNS, TickFiles.PARTITION_KEYS, Map.of()));
        TickFiles.writeJsonPartitions(lake, PREFIX);
        lake.createPartitions(
                "jdbc_it",
                "ticks",
                TickFiles.PARTITIONS.stream()
                        .map(p -> StorageFormat.JSON_LINES.partition(
                                List.of(p.dt(), p.hour()), LocalLake.location(PREFIX + p.path()), TickFiles.COLUMNS))
                        .toList());
    }

    @Test
    void jdbcUrlNamesTheLoopbackEndpointAndCatalog() {
        assertThat(lake.trino.jdbcUrl())
                .isEqualTo("jdbc:trino://127.0.0.1:" + lake.trino.uri().getPort() + "/awsdatacatalog");
    }

    @Test
    void queriesThroughTheJdbcDriver() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "it");
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(lake.trino.jdbcUrl(), properties);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT hour, count(*) AS n, max(ts) AS last FROM jdbc_it.ticks WHERE dt = '2026-11-24'"
                                + " GROUP BY hour ORDER BY hour")) {
            while (result.next()) {
                rows.add(result.getString("hour") + " " + result.getLong("n") + " " + result.getString("last"));
            }
        }

        assertThat(rows).containsExactly("03 3 2026-11-24 03:59:59.999", "04 2 2026-11-24 04:59:59.500");
    }
}
