package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.stocklake.sink.S3GlueSinkConnector;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class GlueConfigDefTest {

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(S3SinkConfig.S3_BUCKET_NAME, "stock-lake");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static void assertRejected(Map<String, String> props, String key, String fragment) {
        assertThatThrownBy(() -> new S3SinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(fragment);
        List<String> errors = new S3GlueSinkConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(key)).findFirst().map(ConfigValue::errorMessages).orElseThrow();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(fragment));
    }

    @Test
    void defaultsRegisterInTheDefaultDatabaseOfTheBucketsRegion() {
        GlueSettings glue = new S3SinkConfig(with(S3SinkConfig.S3_REGION, "eu-west-1")).glue();

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
        GlueSettings glue = new S3SinkConfig(with(GlueConfigDef.GLUE_DATABASE, "stock_market",
                GlueConfigDef.GLUE_TABLE, "ticks", GlueConfigDef.GLUE_REGION, "us-west-2",
                GlueConfigDef.GLUE_CATALOG_ID, "123456789012", GlueConfigDef.GLUE_PARTITION_CACHE_SIZE, "5")).glue();

        assertThat(glue.database()).isEqualTo("stock_market");
        assertThat(glue.tableFor("stock_ticks")).isEqualTo("ticks");
        assertThat(glue.region()).isEqualTo("us-west-2");
        assertThat(glue.catalogId()).isEqualTo("123456789012");
        assertThat(glue.partitionCacheSize()).isEqualTo(5);
    }

    @Test
    void databaseNameMustSuitAthena() {
        assertRejected(with(GlueConfigDef.GLUE_DATABASE, "Stock-Market"), GlueConfigDef.GLUE_DATABASE, "lowercase");
    }

    @Test
    void catalogIdIsAnAccountId() {
        assertRejected(with(GlueConfigDef.GLUE_CATALOG_ID, "abc"), GlueConfigDef.GLUE_CATALOG_ID, "12-digit");
    }

    @Test
    void endpointIsAnHttpUrl() {
        assertRejected(with(GlueConfigDef.GLUE_ENDPOINT_URL, "ftp://glue"), GlueConfigDef.GLUE_ENDPOINT_URL, "http");
    }

    @Test
    void projectionNeedsTheSinkToCreateTheTable() {
        assertRejected(with(GlueConfigDef.GLUE_PARTITION_PROJECTION_ENABLED, "true",
                GlueConfigDef.GLUE_TABLE_AUTO_CREATE, "false"), GlueConfigDef.GLUE_PARTITION_PROJECTION_ENABLED,
                GlueConfigDef.GLUE_TABLE_AUTO_CREATE);
    }

    @Test
    void noRegistrationNeedsProjection() {
        assertRejected(with(GlueConfigDef.GLUE_PARTITION_REGISTRATION, "false"),
                GlueConfigDef.GLUE_PARTITION_REGISTRATION, GlueConfigDef.GLUE_PARTITION_PROJECTION_ENABLED);
    }

    @Test
    void projectionOnlyWithProjectablePathSegments() {
        assertRejected(with(GlueConfigDef.GLUE_PARTITION_PROJECTION_ENABLED, "true",
                        S3SinkConfig.PATH_FORMAT, "'dt'=yyyy-MM-dd/'dow'=EEE"),
                GlueConfigDef.GLUE_PARTITION_PROJECTION_ENABLED, "'dow'=EEE");
    }

    @Test
    void oneCatalogTableNameNeedsOneSinkTable() {
        assertRejected(with("topics", "stock-ticks,fx-ticks", GlueConfigDef.GLUE_TABLE, "ticks"),
                GlueConfigDef.GLUE_TABLE, S3SinkConfig.TABLE_NAME);
        new S3SinkConfig(with("topics", "stock-ticks,fx-ticks", GlueConfigDef.GLUE_TABLE, "ticks",
                S3SinkConfig.TABLE_NAME, "ticks"));
    }

    @Test
    void projectionDateRangeHasTwoEnds() {
        assertRejected(with(GlueConfigDef.GLUE_PARTITION_PROJECTION_DATE_RANGE, "NOW-1YEARS"),
                GlueConfigDef.GLUE_PARTITION_PROJECTION_DATE_RANGE, "two");
    }

    @Test
    void glueChecksAreSkippedWhenGlueIsDisabled() {
        new S3SinkConfig(with(GlueConfigDef.GLUE_ENABLED, "false", GlueConfigDef.GLUE_PARTITION_REGISTRATION,
                "false"));
    }

    @Test
    void everyGlueKeyHasADocAGroupAndADefault() {
        S3SinkConfig.configDef().configKeys().values().stream().filter(k -> k.name.startsWith("glue."))
                .forEach(key -> {
                    assertThat(key.documentation).as(key.name).isNotBlank();
                    assertThat(key.group).as(key.name).isEqualTo("Glue Data Catalog");
                    assertThat(key.hasDefault()).as(key.name).isTrue();
                });
    }
}
