package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A JSON-lines table partitioned by dt/hour, gzip and zstd files, read as Athena reads it. */
@ExtendWith(LocalLakeExtension.class)
class JsonLinesTableIT {
    private static final String DATABASE = "json_it";
    private static final String PREFIX = "json/ticks/";

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
                        Map.of("classification", "json")));
        TickFiles.writeJsonPartitions(lake, PREFIX);
        lake.createPartitions(
                DATABASE,
                "ticks",
                TickFiles.PARTITIONS.stream()
                        .map(p -> StorageFormat.JSON_LINES.partition(
                                List.of(p.dt(), p.hour()), LocalLake.location(PREFIX + p.path()), TickFiles.COLUMNS))
                        .toList());
    }

    @Test
    void countsEveryRowOfEveryPartitionInGzipAndZstdFiles() {
        assertThat(lake.query("SELECT count(*) FROM json_it.ticks").onlyValue()).isEqualTo(TickFiles.ROW_COUNT);
    }

    @Test
    void readsTimestampsExactlyAsWritten() {
        QueryResult result = lake.query("SELECT min(ts) AS first, max(ts) AS last FROM json_it.ticks");

        assertThat(result.rows())
                .containsExactly(List.of(
                        LocalDateTime.parse("2026-11-24T03:00:00.001"),
                        LocalDateTime.parse("2026-11-25T00:59:59.999")));
    }

    @Test
    void readsEveryColumnWithItsType() {
        QueryResult result = lake.query("SELECT symbol, price, size, ts, dt, hour FROM json_it.ticks"
                + " WHERE dt = '2026-11-24' AND hour = '04' ORDER BY ts");

        assertThat(result.rows())
                .containsExactly(
                        List.of("MSFT", 415.25, 7L, LocalDateTime.parse("2026-11-24T04:10:00.000"), "2026-11-24", "04"),
                        List.of(
                                "AAPL",
                                190.5,
                                300L,
                                LocalDateTime.parse("2026-11-24T04:59:59.500"),
                                "2026-11-24",
                                "04"));
    }

    @Test
    void partitionFilterReadsOnlyThatPartitionsFiles() {
        QueryResult result = lake.query("SELECT count(*) FROM json_it.ticks WHERE dt = '2026-11-24' AND hour = '03'");

        assertThat(result.onlyValue()).isEqualTo(3L);
        assertThat(result.inputRows()).as("rows read from files").isEqualTo(3L);
    }

    @Test
    void groupsByPartitionColumns() {
        QueryResult result =
                lake.query("SELECT dt, hour, count(*) AS n FROM json_it.ticks GROUP BY dt, hour ORDER BY dt, hour");

        assertThat(result.rows())
                .containsExactly(
                        List.of("2026-11-24", "03", 3L),
                        List.of("2026-11-24", "04", 2L),
                        List.of("2026-11-25", "00", 1L));
    }
}
