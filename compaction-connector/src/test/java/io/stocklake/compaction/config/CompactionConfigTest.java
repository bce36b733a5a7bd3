package io.stocklake.compaction.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.compaction.CompactionSourceConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class CompactionConfigTest {

    private final Map<String, String> props = new HashMap<>(Map.of(
            CompactionConfig.S3_BUCKET_NAME, "stock-lake",
            CompactionConfig.GLUE_DATABASE, "stock_market",
            CompactionConfig.TABLES, "stock_ticks"));

    @Test
    void theShippedDefaultsAreValid() {
        assertThat(errors()).isEmpty();
        CompactionConfig config = new CompactionConfig(props);
        assertThat(config.output().targetBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(config.output().sortColumns()).containsExactly("symbol", "event_time");
        assertThat(config.times().retentionGrace().toMinutes()).isEqualTo(30);
    }

    @Test
    void validateNamesEachBadKey() {
        props.put(CompactionConfig.PATH_FORMAT, "dt=yyyy");
        props.put(CompactionConfig.TIMEZONE, "Mars/Olympus");
        props.put(CompactionConfig.TABLES, "Stock-Ticks");
        props.put(CompactionConfig.TARGET_FILE_BYTES, "10");
        props.put(CompactionConfig.RETENTION_GRACE_MS, "-1");
        props.put(CompactionConfig.SORT_COLUMNS, "symbol,event time");

        assertThat(errors())
                .containsOnlyKeys(
                        CompactionConfig.PATH_FORMAT,
                        CompactionConfig.TIMEZONE,
                        CompactionConfig.TABLES,
                        CompactionConfig.TARGET_FILE_BYTES,
                        CompactionConfig.RETENTION_GRACE_MS,
                        CompactionConfig.SORT_COLUMNS);
    }

    @Test
    void eachTaskGetsItsShare() {
        CompactionSourceConnector connector = new CompactionSourceConnector();
        connector.start(props);

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).extracting(t -> t.get(CompactionConfig.TASK_INDEX)).containsExactly("0", "1", "2");
        assertThat(tasks).allMatch(t -> t.get(CompactionConfig.TASK_COUNT).equals("3"));
    }

    private Map<String, List<String>> errors() {
        Config validated = new CompactionSourceConnector().validate(props);
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : validated.configValues()) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }
}
