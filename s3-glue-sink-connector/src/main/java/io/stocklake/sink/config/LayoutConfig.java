package io.stocklake.sink.config;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** Where files land: the key prefix, the table per topic, and the Hive partitions of time and value fields. */
public final class LayoutConfig extends ConfigFragment {

    public static final String TOPICS_DIR = "topics.dir";
    public static final String TABLE_NAME = "table.name";
    public static final String PATH_FORMAT = "path.format";
    public static final String PARTITION_FIELDS = "partition.fields";
    public static final String PARTITION_TIME_SOURCE = "partition.time.source";
    public static final String PARTITION_TIME_FIELD = "partition.time.field";
    public static final String TIMEZONE = "timezone";

    static final String GROUP = "Object layout";
    static final String TOPICS_DIR_DEFAULT = "topics";
    static final String PATH_FORMAT_DEFAULT = "'dt'=yyyy-MM-dd/'hour'=HH";
    static final TimeSource TIME_SOURCE_DEFAULT = TimeSource.RECORD;
    static final String TIMEZONE_DEFAULT = "UTC";

    private static final String FIELD_NAME = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";

    LayoutConfig(Map<String, ?> values) {
        super(values);
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                TOPICS_DIR,
                Type.STRING,
                TOPICS_DIR_DEFAULT,
                LambdaValidator.with(LayoutConfig::ensureKeyPrefix, () -> "non-empty, no leading or trailing '/'"),
                Importance.MEDIUM,
                "Key prefix under which each table has its folder.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Topics directory");
        def.define(
                TABLE_NAME,
                Type.STRING,
                "",
                TableNaming.emptyOrValid(),
                Importance.MEDIUM,
                "Glue table (and folder) for all topics; empty names it after each topic, lowercased with "
                        + "characters other than letters, digits and '_' replaced by '_'.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Table name");
        def.define(
                PATH_FORMAT,
                Type.STRING,
                PATH_FORMAT_DEFAULT,
                LambdaValidator.with(LayoutConfig::ensurePathTemplate, () -> "'key'=pattern segments joined by '/'"),
                Importance.MEDIUM,
                "Time partitions: Hive key and java.time pattern per level, rendered in 'timezone'.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Path format");
        def.define(
                PARTITION_FIELDS,
                Type.LIST,
                "",
                LambdaValidator.with(LayoutConfig::ensurePartitionFields, () -> "field names (dots for nested fields)"),
                Importance.MEDIUM,
                "Value fields appended as partitions after the time ones, e.g. symbol -> symbol=AAPL. The "
                        + "folder escapes values as Hive does (BRK/B -> symbol=BRK%2FB), Glue gets them as they "
                        + "are; null or empty values become __HIVE_DEFAULT_PARTITION__.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Partition fields");
        def.define(
                PARTITION_TIME_SOURCE,
                Type.STRING,
                TIME_SOURCE_DEFAULT.configName(),
                ValidString.in(ConfigName.all(TimeSource.class)),
                Importance.MEDIUM,
                "Time that picks the time partition: a value field (partition.time.field), the Kafka record "
                        + "timestamp, or the worker clock (wallclock: not exactly-once).",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Time source");
        def.define(
                PARTITION_TIME_FIELD,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "Value field holding the event time for partition.time.source=field: epoch milliseconds, a "
                        + "Connect Timestamp/Date or an ISO-8601 string with offset.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Time field");
        def.define(
                TIMEZONE,
                Type.STRING,
                TIMEZONE_DEFAULT,
                LambdaValidator.with(LayoutConfig::ensureZone, () -> "a java.time zone id"),
                Importance.MEDIUM,
                "Zone in which path.format renders times and rotate.schedule.interval.ms aligns.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Time zone");
    }

    private static void ensureKeyPrefix(String name, Object value) {
        String prefix = (String) value;
        if (prefix == null
                || prefix.isEmpty()
                || prefix.startsWith("/")
                || prefix.endsWith("/")
                || prefix.contains("//")) {
            throw new ConfigException(
                    name, value, "must be a non-empty key prefix without leading, trailing or " + "doubled '/'");
        }
    }

    private static void ensurePathTemplate(String name, Object value) {
        try {
            PathTemplate.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void ensurePartitionFields(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> fields = (List<String>) value;
        for (String field : fields) {
            if (!field.matches(FIELD_NAME)) {
                throw new ConfigException(
                        name,
                        value,
                        "field \"" + field + "\" is not a field name "
                                + "(letters, digits, '_', dots between nested names)");
            }
        }
    }

    private static void ensureZone(String name, Object value) {
        try {
            ZoneId.of((String) value);
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, "is not a time zone id: " + e.getMessage());
        }
    }

    /** A field time source without its field, and a partition key that two levels would share. */
    void check(BiConsumer<String, String> problems) {
        if (accepted(PARTITION_TIME_SOURCE, PARTITION_TIME_FIELD)
                && timeSource() == TimeSource.FIELD
                && timeField().isBlank()) {
            problems.accept(
                    PARTITION_TIME_FIELD,
                    "is required when " + PARTITION_TIME_SOURCE + "=" + TimeSource.FIELD.configName());
        }
        if (accepted(PATH_FORMAT, PARTITION_FIELDS)) {
            Set<String> keys = new HashSet<>(pathTemplate().keys());
            for (String field : partitionFields()) {
                String key = partitionKeyOf(field);
                if (!keys.add(key)) {
                    problems.accept(
                            PARTITION_FIELDS,
                            "field " + field + " gives partition key " + key
                                    + " which is already used (path.format or an earlier field)");
                }
            }
        }
    }

    /** The Hive partition key of a partition field: its last path element, lowercased. */
    public static String partitionKeyOf(String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        return leaf.toLowerCase(Locale.ROOT);
    }

    public String topicsDir() {
        return value(TOPICS_DIR);
    }

    public TableNaming tableNaming() {
        return new TableNaming(value(TABLE_NAME));
    }

    public PathTemplate pathTemplate() {
        return PathTemplate.parse(value(PATH_FORMAT));
    }

    /** Value fields, in path order after the time levels. */
    public List<String> partitionFields() {
        return value(PARTITION_FIELDS);
    }

    public TimeSource timeSource() {
        return ConfigName.parse(TimeSource.class, value(PARTITION_TIME_SOURCE));
    }

    /** The value field of {@link TimeSource#FIELD}; empty otherwise. */
    public String timeField() {
        return value(PARTITION_TIME_FIELD);
    }

    public ZoneId timezone() {
        return ZoneId.of(value(TIMEZONE));
    }
}
