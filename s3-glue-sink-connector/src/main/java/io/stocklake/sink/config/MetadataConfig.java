package io.stocklake.sink.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The Kafka metadata columns each row carries beside the value (coordinates, key, headers): none by default, so
 * files and tables stay what the values alone make them. Tombstones written as rows need the key column.
 */
public final class MetadataConfig extends ConfigFragment {

    public static final String KAFKA_METADATA_COLUMNS = "kafka.metadata.columns";

    static final String GROUP = "Kafka metadata";
    static final String COLUMNS_DEFAULT = "";

    MetadataConfig(Map<String, ?> values) {
        super(values);
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                KAFKA_METADATA_COLUMNS,
                Type.LIST,
                COLUMNS_DEFAULT,
                LambdaValidator.with(
                        MetadataConfig::ensureColumns,
                        () -> "a subset of " + String.join(", ", ConfigName.all(MetadataColumn.class))),
                Importance.MEDIUM,
                "Kafka metadata written as columns before the value's, and declared in the Glue table: topic "
                        + "(kafka_topic string), partition (kafka_partition int), offset (kafka_offset bigint), "
                        + "timestamp (kafka_timestamp timestamp), key (kafka_key string) and headers (kafka_headers "
                        + "map<string,string>). A key or header value that is not text is written as JSON text, "
                        + "bytes as base64. Empty writes none.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Metadata columns");
    }

    /** Tombstones written as rows are told apart by their key alone: {@code write} needs the key column. */
    void check(BiConsumer<String, String> problems) {
        if (!accepted(KAFKA_METADATA_COLUMNS, ErrorsConfig.BEHAVIOR_ON_NULL_VALUES)) {
            return;
        }
        NullValueBehavior nulls =
                ConfigName.parse(NullValueBehavior.class, value(ErrorsConfig.BEHAVIOR_ON_NULL_VALUES));
        if (nulls == NullValueBehavior.WRITE && !columns().contains(MetadataColumn.KEY)) {
            problems.accept(
                    ErrorsConfig.BEHAVIOR_ON_NULL_VALUES,
                    ErrorsConfig.BEHAVIOR_ON_NULL_VALUES + "=" + NullValueBehavior.WRITE.configName()
                            + " writes a tombstone as a row of its key and coordinates with NULL value columns; add "
                            + MetadataColumn.KEY.configName() + " to " + KAFKA_METADATA_COLUMNS
                            + " so the row says which key was deleted");
        }
    }

    /** The metadata columns in the order the setting lists them; empty by default. */
    public List<MetadataColumn> columns() {
        List<String> names = value(KAFKA_METADATA_COLUMNS);
        List<MetadataColumn> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(ConfigName.parse(MetadataColumn.class, name));
        }
        return List.copyOf(columns);
    }

    private static void ensureColumns(String key, Object value) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) value;
        Set<MetadataColumn> seen = new HashSet<>();
        for (String name : names) {
            MetadataColumn column = ConfigName.find(MetadataColumn.class, name)
                    .orElseThrow(() -> new ConfigException(
                            key,
                            name,
                            "unknown metadata column; expected some of "
                                    + String.join(", ", ConfigName.all(MetadataColumn.class))));
            if (!seen.add(column)) {
                throw new ConfigException(key, name, "listed twice");
            }
        }
    }
}
