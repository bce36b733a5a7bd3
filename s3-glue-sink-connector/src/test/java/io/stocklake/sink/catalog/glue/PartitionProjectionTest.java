package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.testing.LocalGlue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionProjectionTest {

    private static final String LOCATION = "s3://stock-lake/topics/stock_ticks/";

    @Test
    void defaultPathProjectsDtAsDaysAndHourAsTwoDigitIntegers() {
        Map<String, String> parameters = new PartitionProjection(
                        PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"), "NOW-1YEARS,NOW")
                .parameters(LOCATION, List.of("dt", "hour"));

        assertThat(parameters)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "projection.enabled", "true",
                        "projection.dt.type", "date",
                        "projection.dt.format", "yyyy-MM-dd",
                        "projection.dt.range", "NOW-1YEARS,NOW",
                        "projection.dt.interval", "1",
                        "projection.dt.interval.unit", "DAYS",
                        "projection.hour.type", "integer",
                        "projection.hour.range", "0,23",
                        "projection.hour.digits", "2",
                        "storage.location.template", LOCATION + "dt=${dt}/hour=${hour}/"));
    }

    @Test
    void hourlyDatePatternStepsByHours() {
        Map<String, String> parameters = new PartitionProjection(
                        PathTemplate.parse("'dh'=yyyy-MM-dd-HH"), "2026-01-01-00,NOW")
                .parameters(LOCATION, List.of("dh"));

        assertThat(parameters)
                .containsEntry("projection.dh.interval.unit", "HOURS")
                .containsEntry("projection.dh.range", "2026-01-01-00,NOW");
    }

    @Test
    void valueFieldKeysAreInjected() {
        Map<String, String> parameters = new PartitionProjection(
                        PathTemplate.parse("'dt'=yyyy-MM-dd"), "NOW-1YEARS,NOW")
                .parameters(LOCATION, List.of("dt", "symbol"));

        assertThat(parameters)
                .containsEntry("projection.symbol.type", "injected")
                .containsEntry("storage.location.template", LOCATION + "dt=${dt}/symbol=${symbol}/");
    }

    @Test
    void createdTableCarriesTheProjectionParameters() throws Exception {
        try (LocalGlue glue = new LocalGlue();
                GlueFixture fixture =
                        new GlueFixture(glue).with(CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED, "true")) {
            fixture.catalog().ensureTable(parquet(TICK));

            assertThat(glue.table(fixture.database, TABLE).parameters())
                    .containsEntry("projection.enabled", "true")
                    .containsEntry("projection.dt.type", "date")
                    .containsEntry("projection.hour.type", "integer")
                    .containsEntry("storage.location.template", LOCATION + "dt=${dt}/hour=${hour}/")
                    .containsEntry("classification", "parquet");
        }
    }
}
