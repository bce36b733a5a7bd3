package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.S3GlueSinkConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/** The smallest sink configuration (a bucket) with keys on top, and how a refused one must be refused. */
final class SinkProps {

    private SinkProps() {}

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(StorageConfig.S3_BUCKET_NAME, "stock-lake");
        return props;
    }

    static Map<String, String> with(String... keyValues) {
        Map<String, String> props = minimal();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    /** Refused by a task's parse and by the connector's validate, both naming {@code key} and the problem. */
    static void assertRejected(Map<String, String> props, String key, String fragment) {
        assertThatThrownBy(() -> new SinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(fragment);
        List<String> errors = new S3GlueSinkConnector()
                .validate(props).configValues().stream()
                        .filter(v -> v.name().equals(key))
                        .findFirst()
                        .map(ConfigValue::errorMessages)
                        .orElseThrow();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(fragment));
    }
}
