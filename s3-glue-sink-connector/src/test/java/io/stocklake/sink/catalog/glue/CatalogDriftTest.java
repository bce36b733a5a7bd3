package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.LOCATION;
import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static io.stocklake.sink.catalog.glue.GlueFixture.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.testing.LocalGlue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/** The catalog changed outside the sink, against the real Glue-compatible endpoint. */
class CatalogDriftTest {

    private static LocalGlue glue;
    private GlueFixture fixture;

    @BeforeAll
    static void startGlue() throws Exception {
        glue = new LocalGlue();
    }

    @AfterAll
    static void stopGlue() {
        glue.close();
    }

    @AfterEach
    void closeCatalogs() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private PartitionCatalog catalog(String... settings) {
        fixture = new GlueFixture(glue);
        for (int i = 0; i < settings.length; i += 2) {
            fixture.with(settings[i], settings[i + 1]);
        }
        PartitionCatalog catalog = fixture.catalog();
        catalog.ensureTable(parquet(TICK));
        return catalog;
    }

    private List<List<String>> registered() {
        return glue.partitions(fixture.database, TABLE).stream()
                .map(Partition::values)
                .toList();
    }

    private void dropTable() {
        glue.inspector.deleteTable(r -> r.databaseName(fixture.database).name(TABLE));
    }

    @Test
    void aDroppedTableIsCreatedAgainWithThePartitionsTheTaskHadRegistered() {
        PartitionCatalog catalog = catalog(CatalogConfig.GLUE_PARTITION_CACHE_TTL_MS, "0");
        catalog.register(List.of(partition("2026-11-24", "03")));
        dropTable();

        catalog.register(List.of(partition("2026-11-24", "04")));

        assertThat(glue.table(fixture.database, TABLE).storageDescriptor().location())
                .isEqualTo(LOCATION);
        assertThat(registered()).containsExactlyInAnyOrder(List.of("2026-11-24", "03"), List.of("2026-11-24", "04"));
    }

    @Test
    void aDroppedTableFailsPermanentlyNamingTheKeyWhenItMayNotBeCreated() {
        fixture = new GlueFixture(glue).with(CatalogConfig.GLUE_PARTITION_CACHE_TTL_MS, "0");
        fixture.catalog().ensureTable(parquet(TICK));
        PartitionCatalog checkOnly =
                fixture.with(CatalogConfig.GLUE_TABLE_AUTO_CREATE, "false").catalog();
        checkOnly.ensureTable(parquet(TICK));
        checkOnly.register(List.of(partition("2026-11-24", "03")));
        dropTable();

        assertThatThrownBy(() -> checkOnly.register(List.of(partition("2026-11-24", "03"))))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.permanentCause())
                                .contains(fixture.database + "." + TABLE)
                                .contains(CatalogConfig.GLUE_TABLE_AUTO_CREATE + "=false"));
    }

    @Test
    void aPartitionDroppedOutsideIsRegisteredAgainOnceItsCacheEntryExpired() {
        PartitionCatalog catalog = catalog(CatalogConfig.GLUE_PARTITION_CACHE_TTL_MS, "0");
        catalog.register(List.of(partition("2026-11-24", "03")));
        glue.inspector.deletePartition(
                r -> r.databaseName(fixture.database).tableName(TABLE).partitionValues("2026-11-24", "03"));

        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(registered()).containsExactly(List.of("2026-11-24", "03"));
    }

    @Test
    void aRememberedPartitionCostsNoCallWithinItsTtl() {
        PartitionCatalog catalog = catalog(CatalogConfig.GLUE_PARTITION_CACHE_TTL_MS, "600000");
        catalog.register(List.of(partition("2026-11-24", "03")));
        fixture.requests.clear();

        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(fixture.requests.calls).isEmpty();
    }

    @Test
    void aPartitionAtAnotherLocationFailsPermanentlyNamingBothLocations() {
        PartitionCatalog catalog = catalog();
        String elsewhere = "s3://another-bucket/old/dt=2026-11-24/hour=03/";
        var table = glue.table(fixture.database, TABLE);
        glue.inspector.createPartition(r -> r.databaseName(fixture.database)
                .tableName(TABLE)
                .partitionInput(PartitionInput.builder()
                        .values("2026-11-24", "03")
                        .storageDescriptor(table.storageDescriptor().toBuilder()
                                .location(elsewhere)
                                .build())
                        .build()));

        assertThatThrownBy(() -> catalog.register(List.of(partition("2026-11-24", "03"))))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.permanentCause())
                                .contains(fixture.database + "." + TABLE)
                                .contains("[2026-11-24, 03]")
                                .contains(elsewhere)
                                .contains(partition("2026-11-24", "03").location()));
    }

    @Test
    void aPartitionAtTheSameFolderWithoutTheTrailingSlashIsAccepted() {
        PartitionCatalog catalog = catalog();
        String location = partition("2026-11-24", "03").location();
        var table = glue.table(fixture.database, TABLE);
        glue.inspector.createPartition(r -> r.databaseName(fixture.database)
                .tableName(TABLE)
                .partitionInput(PartitionInput.builder()
                        .values("2026-11-24", "03")
                        .storageDescriptor(table.storageDescriptor().toBuilder()
                                .location(location.substring(0, location.length() - 1))
                                .build())
                        .build()));

        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(registered()).containsExactly(List.of("2026-11-24", "03"));
    }

    @Test
    void aPartitionMovedToACompactedGenerationOfTheSinksFolderIsAccepted() {
        PartitionCatalog catalog = catalog(CatalogConfig.GLUE_PARTITION_CACHE_TTL_MS, "0");
        String generation = partition("2026-11-24", "03").location() + "_compacted/g000001-4f2a9c1e/";
        var table = glue.table(fixture.database, TABLE);
        glue.inspector.createPartition(r -> r.databaseName(fixture.database)
                .tableName(TABLE)
                .partitionInput(PartitionInput.builder()
                        .values("2026-11-24", "03")
                        .storageDescriptor(table.storageDescriptor().toBuilder()
                                .location(generation)
                                .build())
                        .build()));

        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(glue.inspector
                        .getPartition(r -> r.databaseName(fixture.database)
                                .tableName(TABLE)
                                .partitionValues("2026-11-24", "03"))
                        .partition()
                        .storageDescriptor()
                        .location())
                .isEqualTo(generation);
    }
}
