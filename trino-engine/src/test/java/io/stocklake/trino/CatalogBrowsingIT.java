package io.stocklake.trino;

import static io.stocklake.trino.StorageFormat.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a person browsing the catalog in Athena sees: databases, tables and their columns, from Glue. */
@ExtendWith(LocalLakeExtension.class)
class CatalogBrowsingIT {
    private static LocalLake lake;

    @BeforeAll
    static void defineTables(LocalLake localLake) {
        lake = localLake;
        lake.createDatabase("browse_it");
        lake.createTable(
                "browse_it",
                StorageFormat.JSON_LINES.table(
                        "trades",
                        LocalLake.location("browse/trades/"),
                        TickFiles.COLUMNS,
                        TickFiles.PARTITION_KEYS,
                        Map.of()));
        lake.createTable(
                "browse_it",
                StorageFormat.CSV.table(
                        "quotes",
                        LocalLake.location("browse/quotes/"),
                        List.of(column("symbol", "string"), column("bid", "decimal(10,2)")),
                        List.of(),
                        Map.of()));
    }

    @Test
    void showSchemasListsGlueDatabases() {
        assertThat(lake.query("SHOW SCHEMAS").firstColumn()).contains("browse_it", "information_schema");
    }

    @Test
    void showTablesListsTheDatabasesTables() {
        assertThat(lake.query("SHOW TABLES FROM browse_it").firstColumn())
                .containsExactlyInAnyOrder("trades", "quotes");
    }

    @Test
    void describeShowsColumnsWithTrinoTypesAndPartitionKeysLast() {
        QueryResult result = lake.query("DESCRIBE browse_it.trades");

        assertThat(result.column("Column")).containsExactly("symbol", "price", "size", "ts", "dt", "hour");
        assertThat(result.column("Type"))
                .containsExactly("varchar", "double", "bigint", "timestamp(3)", "varchar", "varchar");
        assertThat(result.column("Extra")).containsExactly("", "", "", "", "partition key", "partition key");
    }

    @Test
    void queryOfAMissingTableFailsNamingIt() {
        assertThatThrownBy(() -> lake.query("SELECT * FROM browse_it.nowhere"))
                .isInstanceOf(TrinoQueryException.class)
                .hasMessageContaining("browse_it.nowhere");
    }

    @Test
    void aWriteIsRefusedAndReachesNoCatalog() {
        assertThatThrownBy(() -> lake.query("CREATE SCHEMA intruder"))
                .isInstanceOf(TrinoQueryException.class)
                .hasMessageContaining("Access Denied");
        assertThatThrownBy(() -> lake.query("CREATE TABLE browse_it.copy AS SELECT * FROM browse_it.quotes"))
                .isInstanceOf(TrinoQueryException.class)
                .hasMessageContaining("Access Denied");

        assertThat(lake.glueClient.getDatabases(r -> {}).databaseList())
                .noneMatch(d -> d.name().equals("intruder"));
    }
}
