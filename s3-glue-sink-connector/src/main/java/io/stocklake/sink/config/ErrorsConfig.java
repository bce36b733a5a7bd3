package io.stocklake.sink.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * What the task does when something goes wrong: with records it cannot write (tombstones, and Connect's own
 * {@code errors.tolerance}, which decides whether they go to the errant record reporter) and after a failed upload.
 */
public final class ErrorsConfig extends ConfigFragment {

    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

    /** Connect's own setting (ConnectorConfig), passed on to tasks with the rest of the connector config. */
    static final String ERRORS_TOLERANCE = "errors.tolerance";
    /** The {@link #ERRORS_TOLERANCE} that sends bad records to the errant record reporter. */
    static final String TOLERATE_ALL = "all";

    static final NullValueBehavior NULL_VALUES_DEFAULT = NullValueBehavior.FAIL;
    static final long RETRY_BACKOFF_MS_DEFAULT = 5_000L;

    private final Map<String, String> connectorConfig;

    /** @param connectorConfig the whole connector configuration, where Connect's own settings are */
    ErrorsConfig(Map<String, ?> values, Map<String, String> connectorConfig) {
        super(values);
        this.connectorConfig = connectorConfig;
    }

    /** Each key sits in the group of the setting it accompanies: null values with the format, the pause with S3. */
    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                BEHAVIOR_ON_NULL_VALUES,
                Type.STRING,
                NULL_VALUES_DEFAULT.configName(),
                ValidString.in(ConfigName.all(NullValueBehavior.class)),
                Importance.LOW,
                "Records with a null value (tombstones): skip them, treat them as bad records (errant record "
                        + "reporter when errors.tolerance=all, else the task fails), or write them as rows of their "
                        + "key and Kafka coordinates with NULL value columns (needs key in kafka.metadata.columns).",
                FormatConfig.GROUP,
                order.next(FormatConfig.GROUP),
                Width.SHORT,
                "Null values");
        def.define(
                RETRY_BACKOFF_MS,
                Type.LONG,
                RETRY_BACKOFF_MS_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                "Pause of the task before Connect redelivers records after a failed upload.",
                StorageConfig.GROUP,
                order.next(StorageConfig.GROUP),
                Width.SHORT,
                "Task retry backoff");
    }

    public NullValueBehavior nullValueBehavior() {
        return ConfigName.parse(NullValueBehavior.class, value(BEHAVIOR_ON_NULL_VALUES));
    }

    /** How long the task pauses before Connect redelivers the records of a failed upload. */
    public long taskRetryBackoffMs() {
        return value(RETRY_BACKOFF_MS);
    }

    /** Whether bad records go to the errant record reporter ({@code errors.tolerance=all}) instead of failing. */
    public boolean toleratesBadRecords() {
        String tolerance = connectorConfig.get(ERRORS_TOLERANCE);
        return tolerance != null && TOLERATE_ALL.equalsIgnoreCase(tolerance.trim());
    }
}
