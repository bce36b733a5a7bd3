package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.SinkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The shipped example configuration passes the connector's own validation. */
class ConnectConfigTest {

    private static Map<String, String> config(String file) throws IOException {
        Map<String, Object> request = new ObjectMapper()
                .readValue(Path.of("../connect-configs/" + file).toFile(), new TypeReference<>() {});
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) request.get("config");
        return config;
    }

    @Test
    void exampleSinkConfigValidatesWithoutErrors() throws IOException {
        Map<String, String> config = config("s3-sink.json");

        assertThat(config).containsEntry("connector.class", S3GlueSinkConnector.class.getName());
        assertThat(new S3GlueSinkConnector().validate(config).configValues())
                .flatExtracting(ConfigValue::errorMessages)
                .isEmpty();
    }

    @Test
    void exampleGlueSinkConfigValidatesAndRegistersStockTicksInTheStockMarketDatabase() throws IOException {
        Map<String, String> config = config("s3-glue-sink.json");

        assertThat(config)
                .containsEntry("connector.class", S3GlueSinkConnector.class.getName())
                .containsEntry("topics", "stock-ticks")
                .containsEntry("s3.bucket.name", "stock-lake")
                .containsEntry("format", "parquet")
                .containsEntry("compression", "snappy")
                .containsEntry("glue.database", "stock_market")
                .containsEntry("glue.table", "stock_ticks");
        assertThat(new S3GlueSinkConnector().validate(config).configValues())
                .flatExtracting(ConfigValue::errorMessages)
                .isEmpty();
        CatalogConfig glue = new SinkConfig(config).catalog();
        assertThat(glue.enabled()).isTrue();
        assertThat(new SinkConfig(config).layout().pathTemplate().keys()).containsExactly("dt", "hour");
    }

    @Test
    void externalSchemaSinkConfigValidatesWithoutErrors() throws IOException {
        Map<String, String> config = config("s3-glue-sink-external-schema.json");

        assertThat(config).containsKey("value.converter.schema.content");
        assertThat(new S3GlueSinkConnector().validate(config).configValues())
                .flatExtracting(ConfigValue::errorMessages)
                .isEmpty();
    }

    /**
     * Connect's consumer reads read_uncommitted by default: after a transactional producer (the exactly-once source)
     * aborts, its records would land in the lake beside their committed copies.
     */
    @Test
    void everyShippedSinkConfigReadsOnlyCommittedRecords() throws IOException {
        for (String file : new String[] {
            "s3-sink.json", "s3-glue-sink.json", "s3-glue-sink-external-schema.json", "s3-glue-sink-analytics.json"
        }) {
            assertThat(config(file)).as(file).containsEntry("consumer.override.isolation.level", "read_committed");
        }
    }

    @Test
    void analyticsSinkConfigValidatesAndLandsEachResultTopicAsATableNamedAfterIt() throws IOException {
        Map<String, String> config = config("s3-glue-sink-analytics.json");

        assertThat(config)
                .containsEntry("topics", "stock-bars-1m,stock-alerts")
                .containsEntry("consumer.override.isolation.level", "read_committed")
                .containsEntry("glue.database", "stock_market");
        assertThat(new S3GlueSinkConnector().validate(config).configValues())
                .flatExtracting(ConfigValue::errorMessages)
                .isEmpty();
        SinkConfig parsed = new SinkConfig(config);
        assertThat(parsed.layout().tableNaming().tableFor("stock-bars-1m")).isEqualTo("stock_bars_1m");
        assertThat(parsed.layout().tableNaming().tableFor("stock-alerts")).isEqualTo("stock_alerts");
        assertThat(parsed.catalog().table()).isEmpty();
    }
}
