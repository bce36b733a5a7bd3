package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.LOCATION;
import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static io.stocklake.sink.catalog.glue.GlueFixture.partition;
import static io.stocklake.sink.catalog.glue.GlueFixture.partitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.testing.LocalGlue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/** Partition registration against the real Glue-compatible endpoint, counted at the SDK. */
class GluePartitionTest {

    private static LocalGlue glue;
    private GlueFixture fixture;
    private PartitionCatalog catalog;

    @BeforeAll
    static void startGlue() throws Exception {
        glue = new LocalGlue();
    }

    @AfterAll
    static void stopGlue() {
        glue.close();
    }

    @BeforeEach
    void createTable() {
        fixture = new GlueFixture(glue);
        catalog = fixture.catalog();
        catalog.ensureTable(parquet(TICK));
        fixture.requests.clear();
    }

    @AfterEach
    void closeCatalogs() {
        fixture.close();
    }

    private List<Partition> registered() {
        return glue.partitions(fixture.database, TABLE);
    }

    @Test
    void newPartitionIsLookedUpThenCreatedOnce() {
        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(fixture.requests.calls).containsExactly("BatchGetPartition", "BatchCreatePartition");
        assertThat(registered()).singleElement().satisfies(p -> {
            assertThat(p.values()).containsExactly("2026-11-24", "03");
            assertThat(p.storageDescriptor().location()).isEqualTo(LOCATION + "dt=2026-11-24/hour=03/");
            assertThat(p.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo(TableFormat.PARQUET.serde);
            assertThat(p.storageDescriptor().columns()).hasSize(3);
        });
    }

    @Test
    void knownPartitionsCostNoGlueCall() {
        catalog.register(List.of(partition("2026-11-24", "03"), partition("2026-11-24", "04")));
        fixture.requests.clear();

        catalog.register(List.of(partition("2026-11-24", "04")));
        catalog.register(List.of(partition("2026-11-24", "03"), partition("2026-11-24", "04")));

        assertThat(fixture.requests.calls).isEmpty();
    }

    @Test
    void onlyTheNewPartitionsOfABatchAreCreated() {
        catalog.register(List.of(partition("2026-11-24", "03")));
        fixture.requests.clear();

        catalog.register(List.of(partition("2026-11-24", "03"), partition("2026-11-24", "04")));

        assertThat(fixture.requests.count("BatchCreatePartition")).isEqualTo(1);
        assertThat(registered()).hasSize(2);
    }

    @Test
    void restartedCatalogWarmsItsCacheFromTheCatalogInsteadOfCreating() {
        catalog.register(partitions(30));
        fixture.requests.clear();

        PartitionCatalog restarted = fixture.catalog();
        restarted.ensureTable(parquet(TICK));
        restarted.register(partitions(30));
        restarted.register(partitions(30));

        assertThat(fixture.requests.calls).containsExactly("GetTable", "BatchGetPartition");
    }

    @Test
    void moreThanAHundredNewPartitionsAreCreatedInChunksOfAHundred() {
        catalog.register(partitions(250));

        assertThat(fixture.requests.calls)
                .containsExactly(
                        "BatchGetPartition", "BatchCreatePartition", "BatchCreatePartition", "BatchCreatePartition");
        assertThat(registered()).hasSize(250);
    }

    @Test
    void moreThanAThousandLookupsAreSplitInChunksOfAThousand() {
        catalog.register(partitions(1001));

        assertThat(fixture.requests.count("BatchGetPartition")).isEqualTo(2);
        assertThat(fixture.requests.count("BatchCreatePartition")).isEqualTo(11);
    }

    @Test
    void partitionAlreadyExistingInErrorsCountsAsRegisteredOnceItsLocationIsChecked() {
        // Another writer registers the partition between this catalog's lookup and its create.
        PartitionCatalog late =
                fixture.catalog(null, createBefore("BatchCreatePartition", partition("2026-11-24", "03")));
        late.ensureTable(parquet(TICK));
        fixture.requests.clear();

        late.register(List.of(partition("2026-11-24", "03"), partition("2026-11-24", "04")));
        late.register(List.of(partition("2026-11-24", "03")));

        assertThat(fixture.requests.calls)
                .containsExactly("BatchGetPartition", "BatchCreatePartition", "BatchGetPartition");
        assertThat(registered()).hasSize(2);
    }

    @Test
    void otherPartitionErrorsFailTheRegistrationNamingThePartition() {
        PartitionRegistration malformed =
                new PartitionRegistration(new TableRef(TABLE), List.of("2026-11-24"), LOCATION + "dt=2026-11-24/");

        assertThatThrownBy(() -> catalog.register(List.of(partition("2026-11-24", "03"), malformed)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("[2026-11-24]")
                .hasMessageContaining("InvalidInputException");
        assertThat(registered()).extracting(Partition::values).containsExactly(List.of("2026-11-24", "03"));
    }

    @Test
    void partitionsAreNotRegisteredWhenRegistrationIsOff() {
        GlueFixture projected = new GlueFixture(glue)
                .with(CatalogConfig.GLUE_PARTITION_REGISTRATION, "false")
                .with(CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED, "true");
        PartitionCatalog withoutRegistration = projected.catalog();
        withoutRegistration.ensureTable(parquet(TICK));
        projected.requests.clear();

        withoutRegistration.register(List.of(partition("2026-11-24", "03")));

        assertThat(projected.requests.calls).isEmpty();
        projected.close();
    }

    /** Creates {@code partition} with the inspector right before the first {@code operation} is sent. */
    private ExecutionInterceptor createBefore(String operation, PartitionRegistration partition) {
        return new ExecutionInterceptor() {
            private boolean done;

            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (!done && operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                    done = true;
                    var table = glue.table(fixture.database, TABLE);
                    glue.inspector.createPartition(r -> r.databaseName(fixture.database)
                            .tableName(TABLE)
                            .partitionInput(PartitionInput.builder()
                                    .values(partition.values())
                                    .storageDescriptor(table.storageDescriptor().toBuilder()
                                            .location(partition.location())
                                            .build())
                                    .build()));
                }
            }
        };
    }
}
