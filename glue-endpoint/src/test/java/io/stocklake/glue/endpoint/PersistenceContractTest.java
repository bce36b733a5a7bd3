package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** A catalog kept in a data directory is the same after a restart. */
class PersistenceContractTest {
    @TempDir
    Path dataDir;

    @Test
    void databasesTablesAndPartitionsSurviveARestart() {
        Database database;
        Table table;
        List<Partition> partitions;
        try (LocalGlue before = start()) {
            before.createDatabase("market");
            before.createTable("market", "ticks");
            before.glue.updateTable(r -> r.databaseName("market").tableInput(LocalGlue.ticksTable("ticks")));
            before.glue.batchCreatePartition(r -> r.databaseName("market")
                    .tableName("ticks")
                    .partitionInputList(
                            LocalGlue.partition("ticks", "2026-11-24", "03"),
                            LocalGlue.partition("ticks", "2026-11-24", "04"),
                            LocalGlue.partition("ticks", "2026-11-24", "05")));
            before.glue.deletePartition(
                    r -> r.databaseName("market").tableName("ticks").partitionValues("2026-11-24", "04"));
            database = before.glue.getDatabase(r -> r.name("market")).database();
            table = before.glue
                    .getTable(r -> r.databaseName("market").name("ticks"))
                    .table();
            partitions = before.glue
                    .getPartitions(r -> r.databaseName("market").tableName("ticks"))
                    .partitions();
        }

        try (LocalGlue after = start()) {
            assertThat(after.glue.getDatabase(r -> r.name("market")).database()).isEqualTo(database);
            assertThat(after.glue
                            .getTable(r -> r.databaseName("market").name("ticks"))
                            .table())
                    .isEqualTo(table);
            assertThat(after.glue
                            .getPartitions(r -> r.databaseName("market").tableName("ticks"))
                            .partitions())
                    .containsExactlyElementsOf(partitions)
                    .hasSize(2);
        }
    }

    @Test
    void aDeletedDatabaseStaysDeletedAfterARestart() {
        try (LocalGlue before = start()) {
            before.createDatabase("market");
            before.createTable("market", "ticks");
            before.glue.deleteDatabase(r -> r.name("market"));
        }

        try (LocalGlue after = start()) {
            assertThatThrownBy(() -> after.glue.getDatabase(r -> r.name("market")))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void anEndpointWithoutADataDirectoryStartsEmpty() {
        try (LocalGlue before = LocalGlue.start()) {
            before.createDatabase("market");
        }

        try (LocalGlue after = LocalGlue.start()) {
            assertThat(after.glue.getDatabases(r -> {}).databaseList()).isEmpty();
        }
    }

    private LocalGlue start() {
        return LocalGlue.start(GlueEndpointConfig.defaults().withDataDirectory(dataDir));
    }
}
