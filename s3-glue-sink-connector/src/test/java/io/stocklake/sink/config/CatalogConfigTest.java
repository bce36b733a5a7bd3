package io.stocklake.sink.config;

import static io.stocklake.sink.config.SinkProps.assertRejected;
import static io.stocklake.sink.config.SinkProps.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {

    @Test
    void defaultsRegisterInTheDefaultDatabaseOfTheBucketsRegion() {
        CatalogConfig glue = new SinkConfig(with(StorageConfig.S3_REGION, "eu-west-1")).catalog();

        assertThat(glue.enabled()).isTrue();
        assertThat(glue.database()).isEqualTo("default");
        assertThat(glue.region()).isEqualTo("eu-west-1");
        assertThat(glue.autoCreate()).isTrue();
        assertThat(glue.registerPartitions()).isTrue();
        assertThat(glue.projection()).isFalse();
        assertThat(glue.tableFor("stock_ticks")).isEqualTo("stock_ticks");
        assertThat(glue.retryBackoff()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void explicitSettingsAreParsed() {
        CatalogConfig glue = new SinkConfig(with(
                        CatalogConfig.GLUE_DATABASE,
                        "stock_market",
                        CatalogConfig.GLUE_TABLE,
                        "ticks",
                        CatalogConfig.GLUE_REGION,
                        "us-west-2",
                        CatalogConfig.GLUE_CATALOG_ID,
                        "123456789012",
                        CatalogConfig.GLUE_PARTITION_CACHE_SIZE,
                        "5"))
                .catalog();

        assertThat(glue.database()).isEqualTo("stock_market");
        assertThat(glue.tableFor("stock_ticks")).isEqualTo("ticks");
        assertThat(glue.region()).isEqualTo("us-west-2");
        assertThat(glue.catalogId()).isEqualTo("123456789012");
        assertThat(glue.partitionCacheSize()).isEqualTo(5);
    }

    @Test
    void databaseNameMustSuitAthena() {
        assertRejected(with(CatalogConfig.GLUE_DATABASE, "Stock-Market"), CatalogConfig.GLUE_DATABASE, "lowercase");
    }

    @Test
    void catalogIdIsAnAccountId() {
        assertRejected(with(CatalogConfig.GLUE_CATALOG_ID, "abc"), CatalogConfig.GLUE_CATALOG_ID, "12-digit");
    }

    @Test
    void endpointIsAnHttpUrl() {
        assertRejected(with(CatalogConfig.GLUE_ENDPOINT_URL, "ftp://glue"), CatalogConfig.GLUE_ENDPOINT_URL, "http");
    }

    @Test
    void projectionNeedsTheSinkToCreateTheTable() {
        assertRejected(
                with(
                        CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED,
                        "true",
                        CatalogConfig.GLUE_TABLE_AUTO_CREATE,
                        "false"),
                CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED,
                CatalogConfig.GLUE_TABLE_AUTO_CREATE);
    }

    @Test
    void noRegistrationNeedsProjection() {
        assertRejected(
                with(CatalogConfig.GLUE_PARTITION_REGISTRATION, "false"),
                CatalogConfig.GLUE_PARTITION_REGISTRATION,
                CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED);
    }

    @Test
    void projectionOnlyWithProjectablePathSegments() {
        assertRejected(
                with(
                        CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED,
                        "true",
                        LayoutConfig.PATH_FORMAT,
                        "'dt'=yyyy-MM-dd/'dow'=EEE"),
                CatalogConfig.GLUE_PARTITION_PROJECTION_ENABLED,
                "'dow'=EEE");
    }

    @Test
    void oneCatalogTableNameNeedsOneSinkTable() {
        assertRejected(
                with("topics", "stock-ticks,fx-ticks", CatalogConfig.GLUE_TABLE, "ticks"),
                CatalogConfig.GLUE_TABLE,
                LayoutConfig.TABLE_NAME);
        new SinkConfig(with(
                "topics", "stock-ticks,fx-ticks", CatalogConfig.GLUE_TABLE, "ticks", LayoutConfig.TABLE_NAME, "ticks"));
    }

    @Test
    void projectionDateRangeHasTwoEnds() {
        assertRejected(
                with(CatalogConfig.GLUE_PARTITION_PROJECTION_DATE_RANGE, "NOW-1YEARS"),
                CatalogConfig.GLUE_PARTITION_PROJECTION_DATE_RANGE,
                "two");
    }

    @Test
    void glueChecksAreSkippedWhenGlueIsDisabled() {
        new SinkConfig(with(CatalogConfig.GLUE_ENABLED, "false", CatalogConfig.GLUE_PARTITION_REGISTRATION, "false"));
    }

    @Test
    void everyGlueKeyHasADocAGroupAndADefault() {
        SinkConfig.configDef().configKeys().values().stream()
                .filter(k -> k.name.startsWith("glue."))
                .forEach(key -> {
                    assertThat(key.documentation).as(key.name).isNotBlank();
                    assertThat(key.group).as(key.name).isEqualTo("Glue Data Catalog");
                    assertThat(key.hasDefault()).as(key.name).isTrue();
                });
    }
}
