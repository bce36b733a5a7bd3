package io.stocklake.source.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Where the ticks go and in what shape: the topic, the batch size of a poll, the schema's descriptions. */
public final class OutputConfig {

    public static final String TOPIC = "topic";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String SCHEMA_DOCS = "schema.docs.enable";

    static final String GROUP = "Output";
    static final String TOPIC_DEFAULT = "stock-ticks";
    static final int MAX_BATCH_SIZE_DEFAULT = 1000;
    static final int MAX_BATCH_SIZE_LIMIT = 100_000;

    private final Map<String, ?> values;

    OutputConfig(Map<String, ?> values) {
        this.values = values;
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                TOPIC,
                Type.STRING,
                TOPIC_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                "Topic the ticks are written to. Records are keyed by symbol, so each symbol's ticks stay in order"
                        + " in one partition.",
                GROUP,
                ++order,
                Width.MEDIUM,
                "Topic");
        def.define(
                MAX_BATCH_SIZE,
                Type.INT,
                MAX_BATCH_SIZE_DEFAULT,
                ConfigDef.Range.between(1, MAX_BATCH_SIZE_LIMIT),
                Importance.LOW,
                "Most ticks one poll hands to the worker. With exactly-once and"
                        + " transaction.boundary=poll this is also the largest transaction.",
                GROUP,
                ++order,
                Width.SHORT,
                "Max batch size");
        def.define(
                SCHEMA_DOCS,
                Type.BOOLEAN,
                false,
                Importance.LOW,
                "Give the value schema a description of the record and of each field. A schema registry stores"
                        + " them once; JsonConverter with schemas.enable=true repeats them in every record, where they"
                        + " add about 576 bytes (64%) to each tick.",
                GROUP,
                ++order,
                Width.SHORT,
                "Schema docs");
    }

    public String topic() {
        return (String) values.get(TOPIC);
    }

    /** Most ticks one poll returns. */
    public int maxBatchSize() {
        return (Integer) values.get(MAX_BATCH_SIZE);
    }

    /** Whether the value schema carries descriptions. */
    public boolean schemaDocs() {
        return (Boolean) values.get(SCHEMA_DOCS);
    }
}
