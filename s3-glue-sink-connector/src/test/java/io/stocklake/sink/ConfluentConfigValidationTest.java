package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** validate() and start() of a configuration written for Confluent's S3 sink. */
class ConfluentConfigValidationTest {

    private static Map<String, String> confluent(String... pairs) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", S3GlueSinkConnector.class.getName());
        config.put("topics", "stock-ticks");
        config.put("s3.bucket.name", "lake");
        config.put("store.url", "http://127.0.0.1:9000");
        config.put("format.class", "io.confluent.connect.s3.format.parquet.ParquetFormat");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return new S3GlueSinkConnector()
                .validate(config).configValues().stream()
                        .filter(v -> !v.errorMessages().isEmpty())
                        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void honouredConfluentConfigValidatesWithoutErrors() {
        assertThat(errors(confluent(
                        "partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner",
                        "path.format", "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH",
                        "partition.duration.ms", "3600000",
                        "locale", "en-US",
                        "timezone", "UTC",
                        "timestamp.extractor", "RecordField",
                        "timestamp.field", "event_time")))
                .isEmpty();
    }

    @Test
    void everyRefusedKeyIsReportedOnItself() {
        Map<String, List<String>> errors = errors(confluent(
                "format.class", "io.confluent.connect.s3.format.avro.AvroFormat",
                "s3.acl.canned", "bucket-owner-full-control"));

        assertThat(errors).containsOnlyKeys("format.class", "s3.acl.canned");
        assertThat(errors.get("s3.acl.canned").get(0)).contains("Object Ownership");
    }

    @Test
    void aRefusedSecretIsNotEchoed() {
        List<ConfigValue> values = new S3GlueSinkConnector()
                .validate(confluent("s3.proxy.password", "hunter2"))
                .configValues();

        assertThat(values)
                .filteredOn(v -> v.name().equals("s3.proxy.password"))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isNull());
    }

    @Test
    void anErrorOfATranslatedValueIsReportedOnTheConfluentKey() {
        Map<String, List<String>> errors = errors(confluent("store.url", "ftp://lake"));

        assertThat(errors).containsKey("store.url");
        assertThat(errors.get("store.url").get(0)).contains("s3.endpoint.url");
    }

    @Test
    void theSinksOwnWeekBasedPathFormatIsRefusedOnPathFormat() {
        Map<String, List<String>> errors = errors(confluent("path.format", "'year'=YYYY"));

        assertThat(errors).containsOnlyKeys("path.format");
        assertThat(errors.get("path.format").get(0)).contains("yyyy");
    }

    @Test
    void unknownKeysAreNotErrors() {
        assertThat(errors(confluent("s3.bukket.name", "x"))).isEmpty();
    }

    @Test
    void startRefusesARefusedKey() {
        assertThatThrownBy(() -> new S3GlueSinkConnector().start(confluent("store.kafka.keys", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.kafka.keys");
    }

    @Test
    void tasksGetTheTranslatedConfiguration() {
        S3GlueSinkConnector connector = new S3GlueSinkConnector();
        connector.start(confluent());

        assertThat(connector.taskConfigs(2))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c)
                        .containsEntry("s3.endpoint.url", "http://127.0.0.1:9000")
                        .containsEntry("format", "parquet")
                        .doesNotContainKeys("store.url", "format.class"));
    }
}
