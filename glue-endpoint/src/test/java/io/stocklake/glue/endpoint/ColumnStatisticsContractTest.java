package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.ColumnStatistics;
import software.amazon.awssdk.services.glue.model.ColumnStatisticsData;
import software.amazon.awssdk.services.glue.model.ColumnStatisticsType;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetColumnStatisticsForPartitionResponse;
import software.amazon.awssdk.services.glue.model.GetColumnStatisticsForTableResponse;
import software.amazon.awssdk.services.glue.model.StringColumnStatisticsData;

/** Column statistics are kept by no one: reads answer none, writes are accepted, as Trino needs. */
class ColumnStatisticsContractTest {
    private final LocalGlue local = LocalGlue.start();

    @BeforeEach
    void partition() {
        local.createDatabase("market");
        local.createTable("market", "ticks");
        local.glue.createPartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionInput(LocalGlue.partition("ticks", "2026-11-24", "03")));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void partitionStatisticsAreNone() {
        GetColumnStatisticsForPartitionResponse response =
                local.glue.getColumnStatisticsForPartition(r -> r.databaseName("market")
                        .tableName("ticks")
                        .partitionValues("2026-11-24", "03")
                        .columnNames("symbol"));

        assertThat(response.columnStatisticsList()).isEmpty();
        assertThat(response.errors()).isEmpty();
    }

    @Test
    void tableStatisticsAreNone() {
        GetColumnStatisticsForTableResponse response = local.glue.getColumnStatisticsForTable(
                r -> r.databaseName("market").tableName("ticks").columnNames("symbol", "price"));

        assertThat(response.columnStatisticsList()).isEmpty();
        assertThat(response.errors()).isEmpty();
    }

    @Test
    void writtenStatisticsAreAcceptedAndDropped() {
        ColumnStatistics statistics = ColumnStatistics.builder()
                .columnName("symbol")
                .columnType("string")
                .analyzedTime(Instant.parse("2026-11-24T03:00:00Z"))
                .statisticsData(ColumnStatisticsData.builder()
                        .type(ColumnStatisticsType.STRING)
                        .stringColumnStatisticsData(StringColumnStatisticsData.builder()
                                .maximumLength(4L)
                                .averageLength(3.5)
                                .numberOfNulls(0L)
                                .numberOfDistinctValues(10L)
                                .build())
                        .build())
                .build();

        assertThat(local.glue
                        .updateColumnStatisticsForTable(
                                r -> r.databaseName("market").tableName("ticks").columnStatisticsList(statistics))
                        .errors())
                .isEmpty();
        assertThat(local.glue
                        .updateColumnStatisticsForPartition(r -> r.databaseName("market")
                                .tableName("ticks")
                                .partitionValues("2026-11-24", "03")
                                .columnStatisticsList(statistics))
                        .errors())
                .isEmpty();
        assertThat(local.glue
                        .getColumnStatisticsForTable(
                                r -> r.databaseName("market").tableName("ticks").columnNames("symbol"))
                        .columnStatisticsList())
                .isEmpty();
    }

    @Test
    void deletingStatisticsIsAccepted() {
        local.glue.deleteColumnStatisticsForTable(
                r -> r.databaseName("market").tableName("ticks").columnName("symbol"));
        local.glue.deleteColumnStatisticsForPartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionValues("2026-11-24", "03")
                .columnName("symbol"));

        assertThat(local.glue
                        .getColumnStatisticsForPartition(r -> r.databaseName("market")
                                .tableName("ticks")
                                .partitionValues("2026-11-24", "03")
                                .columnNames("symbol"))
                        .columnStatisticsList())
                .isEmpty();
    }

    @Test
    void statisticsOfAMissingPartitionFailWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.getColumnStatisticsForPartition(r -> r.databaseName("market")
                        .tableName("ticks")
                        .partitionValues("2026-11-24", "04")
                        .columnNames("symbol")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void userDefinedFunctionsAreNone() {
        assertThat(local.glue
                        .getUserDefinedFunctions(r -> r.databaseName("market").pattern("*"))
                        .userDefinedFunctions())
                .isEmpty();
    }
}
