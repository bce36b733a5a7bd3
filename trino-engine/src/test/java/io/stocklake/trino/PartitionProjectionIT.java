package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JSON-lines table with partition projection: Athena (and Trino) compute the partitions from the table's
 * {@code projection.*} properties and {@code storage.location.template}, none are registered in Glue.
 */
@ExtendWith(LocalLakeExtension.class)
class PartitionProjectionIT {
    private static final String DATABASE = "projection_it";
    private static final String PREFIX = "projected/ticks/";

    private static LocalLake lake;

    @BeforeAll
    static void writeTable(LocalLake localLake) {
        lake = localLake;
        lake.createDatabase(DATABASE);
        lake.createTable(
                DATABASE,
                StorageFormat.JSON_LINES.table(
                        "ticks",
                        LocalLake.location(PREFIX),
                        TickFiles.COLUMNS,
                        TickFiles.PARTITION_KEYS,
                        Map.ofEntries(
                                Map.entry("classification", "json"),
                                Map.entry("projection.enabled", "true"),
                                Map.entry("projection.dt.type", "date"),
                                Map.entry("projection.dt.format", "yyyy-MM-dd"),
                                Map.entry("projection.dt.range", "2026-11-23,2026-11-25"),
                                Map.entry("projection.dt.interval", "1"),
                                Map.entry("projection.dt.interval.unit", "DAYS"),
                                Map.entry("projection.hour.type", "integer"),
                                Map.entry("projection.hour.range", "0,23"),
                                Map.entry("projection.hour.digits", "2"),
                                Map.entry(
                                        "storage.location.template",
                                        LocalLake.location(PREFIX) + "dt=${dt}/hour=${hour}/"))));
        TickFiles.writeJsonPartitions(lake, PREFIX);
    }

    @Test
    void noPartitionIsRegistered() {
        assertThat(lake.glueClient
                        .getPartitions(request -> request.databaseName(DATABASE).tableName("ticks"))
                        .partitions())
                .isEmpty();
    }

    @Test
    void countsEveryRowOfEveryProjectedPartition() {
        assertThat(lake.query("SELECT count(*) FROM projection_it.ticks").onlyValue())
                .isEqualTo(TickFiles.ROW_COUNT);
    }

    @Test
    void partitionFilterReadsOnlyThatPartitionsFiles() {
        QueryResult result =
                lake.query("SELECT count(*) FROM projection_it.ticks WHERE dt = '2026-11-24' AND hour = '03'");

        assertThat(result.onlyValue()).isEqualTo(3L);
        assertThat(result.inputRows()).as("rows read from files").isEqualTo(3L);
    }

    @Test
    void groupsByProjectedPartitionColumns() {
        QueryResult result = lake.query(
                "SELECT dt, hour, count(*) AS n FROM projection_it.ticks GROUP BY dt, hour ORDER BY dt, hour");

        assertThat(result.rows())
                .containsExactly(
                        List.of("2026-11-24", "03", 3L),
                        List.of("2026-11-24", "04", 2L),
                        List.of("2026-11-25", "00", 1L));
    }
}
