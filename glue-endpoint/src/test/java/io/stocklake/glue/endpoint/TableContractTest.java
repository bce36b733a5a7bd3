package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableAttributes;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.ValidationException;

/** Table actions through the real GlueClient, field by field against the Glue API reference. */
class TableContractTest {
    private final LocalGlue local = LocalGlue.start();

    @BeforeEach
    void database() {
        local.createDatabase("market");
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void createdTableKeepsItsDefinitionAndGetsTheFieldsGlueAdds() {
        TableInput input = LocalGlue.ticksTable("Ticks");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        local.glue.createTable(r -> r.databaseName("market").tableInput(input));
        Instant after = Instant.now();

        Table table =
                local.glue.getTable(r -> r.databaseName("market").name("ticks")).table();

        assertThat(table.name()).isEqualTo("ticks");
        assertThat(table.databaseName()).isEqualTo("market");
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.parameters()).isEqualTo(input.parameters());
        assertThat(table.partitionKeys()).isEqualTo(input.partitionKeys());
        assertThat(table.storageDescriptor()).isEqualTo(input.storageDescriptor());
        assertThat(table.createTime()).isBetween(before, after);
        assertThat(table.updateTime()).isEqualTo(table.createTime());
        assertThat(table.versionId()).isEqualTo("0");
        assertThat(table.catalogId()).isEqualTo(GlueEndpointConfig.DEFAULT_CATALOG_ID);
        assertThat(table.isRegisteredWithLakeFormation()).isFalse();
    }

    @Test
    void creatingAnExistingTableFailsWithAlreadyExists() {
        local.createTable("market", "ticks");

        assertThatThrownBy(() -> local.createTable("market", "ticks")).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void creatingATableInAMissingDatabaseFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.createTable("nowhere", "ticks"))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void gettingAMissingTableFailsWithEntityNotFound() {
        assertThatThrownBy(
                        () -> local.glue.getTable(r -> r.databaseName("market").name("quotes")))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("quotes");
    }

    @Test
    void creatingATableWithoutANameFailsWithValidation() {
        assertThatThrownBy(() -> local.glue.createTable(r -> r.databaseName("market")
                        .tableInput(
                                TableInput.builder().tableType("EXTERNAL_TABLE").build())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tableInput.name");
    }

    @Test
    void updateTableReplacesTheDefinitionBumpsTheVersionAndKeepsCreateTime() {
        local.createTable("market", "ticks");
        Table created =
                local.glue.getTable(r -> r.databaseName("market").name("ticks")).table();
        TableInput changed = LocalGlue.ticksTable("ticks").toBuilder()
                .parameters(Map.of("classification", "parquet", "projection.enabled", "false"))
                .build();

        local.glue.updateTable(r -> r.databaseName("market").tableInput(changed).versionId("0"));

        Table updated =
                local.glue.getTable(r -> r.databaseName("market").name("ticks")).table();
        assertThat(updated.parameters()).isEqualTo(changed.parameters());
        assertThat(updated.versionId()).isEqualTo("1");
        assertThat(updated.createTime()).isEqualTo(created.createTime());
        assertThat(updated.updateTime()).isAfterOrEqualTo(created.updateTime());
    }

    @Test
    void updateTableAtAStaleVersionFailsWithConcurrentModification() {
        local.createTable("market", "ticks");
        local.glue.updateTable(r -> r.databaseName("market").tableInput(LocalGlue.ticksTable("ticks")));

        assertThatThrownBy(() -> local.glue.updateTable(r -> r.databaseName("market")
                        .tableInput(LocalGlue.ticksTable("ticks"))
                        .versionId("0")))
                .isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void updatingAMissingTableFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.updateTable(
                        r -> r.databaseName("market").tableInput(LocalGlue.ticksTable("quotes"))))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void getTablesFiltersNamesByRegularExpression() {
        for (String name : List.of("ticks_json", "ticks_csv", "quotes")) {
            local.createTable("market", name);
        }

        List<String> names =
                local.glue.getTables(r -> r.databaseName("market").expression("ticks_.*")).tableList().stream()
                        .map(Table::name)
                        .toList();

        assertThat(names).containsExactly("ticks_csv", "ticks_json");
    }

    @Test
    void getTablesWithAnInvalidExpressionFailsWithInvalidInput() {
        assertThatThrownBy(
                        () -> local.glue.getTables(r -> r.databaseName("market").expression("ticks_(")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void getTablesPagesThroughAllTables() {
        for (String name : List.of("c", "a", "b")) {
            local.createTable("market", name);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetTablesResponse page = local.glue.getTables(
                    r -> r.databaseName("market").maxResults(2).nextToken(next));
            page.tableList().forEach(t -> seen.add(t.name()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void getTablesWithNameAttributeReturnsNamesOnly() {
        local.createTable("market", "ticks");

        Table table = local.glue
                .getTables(r -> r.databaseName("market").attributesToGet(TableAttributes.NAME))
                .tableList()
                .get(0);

        assertThat(table.name()).isEqualTo("ticks");
        assertThat(table.storageDescriptor()).isNull();
    }

    @Test
    void getTablesOfAMissingDatabaseFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.getTables(r -> r.databaseName("nowhere")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void deletingATableDeletesItsPartitions() {
        local.createTable("market", "ticks");
        local.glue.createPartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionInput(LocalGlue.partition("ticks", "2026-11-24", "03")));

        local.glue.deleteTable(r -> r.databaseName("market").name("ticks"));
        local.createTable("market", "ticks");

        assertThat(local.glue
                        .getPartitions(r -> r.databaseName("market").tableName("ticks"))
                        .partitions())
                .isEmpty();
    }
}
