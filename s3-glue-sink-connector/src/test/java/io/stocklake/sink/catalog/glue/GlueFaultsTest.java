package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static io.stocklake.sink.catalog.glue.GlueFixture.partition;
import static io.stocklake.sink.catalog.glue.GlueFixture.partitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.glue.endpoint.fault.FaultPlan;
import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.testing.LocalGlue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling, server errors and outages of the real Glue-compatible endpoint, through its fault switch. */
class GlueFaultsTest {

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
    void clearFaults() {
        glue.endpoint.faults().clear();
        fixture.close();
    }

    @Test
    void throttledCallsAreRetriedUntilTheyGoThrough() {
        glue.endpoint.faults().set(FaultPlan.none().withThrottlePercent(50));

        catalog.register(partitions(5));

        assertThat(fixture.requests.calls).containsExactly("BatchGetPartition", "BatchCreatePartition");
        assertThat(fixture.requests.attempts).hasSizeGreaterThan(fixture.requests.calls.size());
        glue.endpoint.faults().clear();
        assertThat(glue.partitions(fixture.database, TABLE)).hasSize(5);
    }

    @Test
    void internalErrorsAreRetriedUntilTheyGoThrough() {
        // Every second BatchCreatePartition fails: the first goes through, the second only on its retry.
        glue.endpoint
                .faults()
                .set(FaultPlan.none().withInternalErrorPercent(50).onlyFor(Set.of("BatchCreatePartition")));

        catalog.register(List.of(partition("2026-11-24", "03")));
        catalog.register(List.of(partition("2026-11-24", "04")));

        assertThat(fixture.requests.count("BatchCreatePartition")).isEqualTo(2);
        assertThat(fixture.requests.attempts.stream().filter("BatchCreatePartition"::equals))
                .hasSize(3);
        glue.endpoint.faults().clear();
        assertThat(glue.partitions(fixture.database, TABLE)).hasSize(2);
    }

    @Test
    void outageOutlastingTheRetriesIsACatalogExceptionAndLeavesThePartitionUnknown() {
        glue.endpoint
                .faults()
                .set(FaultPlan.none().withOutage(Instant.EPOCH, Instant.MAX).onlyFor(Set.of("BatchCreatePartition")));

        assertThatThrownBy(() -> catalog.register(List.of(partition("2026-11-24", "03"))))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(fixture.database + "." + TABLE)
                .hasMessageContaining("ServiceUnavailable");
        assertThat(fixture.requests.count("BatchCreatePartition")).isEqualTo(1);
        assertThat(fixture.requests.attempts.stream().filter("BatchCreatePartition"::equals))
                .hasSize(4);

        glue.endpoint.faults().clear();
        fixture.requests.clear();
        catalog.register(List.of(partition("2026-11-24", "03")));
        assertThat(fixture.requests.calls).containsExactly("BatchGetPartition", "BatchCreatePartition");
        assertThat(glue.partitions(fixture.database, TABLE)).hasSize(1);
    }

    @Test
    void outageWhileCheckingTheTableIsACatalogException() {
        PartitionCatalog restarted = fixture.catalog();
        glue.endpoint.faults().set(FaultPlan.none().withOutage(Instant.EPOCH, Instant.MAX));

        assertThatThrownBy(() -> restarted.ensureTable(parquet(TICK)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(fixture.database + "." + TABLE);
    }
}
