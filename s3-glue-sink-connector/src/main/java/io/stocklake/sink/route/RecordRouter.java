package io.stocklake.sink.route;

import io.stocklake.sink.config.LayoutConfig;
import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.config.TableNaming;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Decides each record's table and Hive partition: time levels from the template, then value fields. */
public final class RecordRouter {

    private record FieldLevel(String key, FieldPath path) {}

    private final TableNaming tables;
    private final PartitionTime time;
    private final TimeLevels timeLevels;
    private final List<String> timeKeys;
    private final List<FieldLevel> fieldLevels;
    private List<PartitionValue> lastLevels;
    private String lastTopic;
    private Destination lastDestination;

    public RecordRouter(
            TableNaming tables, PathTemplate template, List<String> partitionFields, PartitionTime time, ZoneId zone) {
        this.tables = tables;
        this.time = time;
        this.timeLevels = new TimeLevels(template, zone);
        this.timeKeys = template.keys();
        this.fieldLevels = partitionFields.stream()
                .map(f -> new FieldLevel(LayoutConfig.partitionKeyOf(f), new FieldPath(f)))
                .toList();
    }

    /** The partition keys in path order, as the table declares them. */
    public List<String> partitionKeys() {
        List<String> keys = new ArrayList<>();
        keys.addAll(timeKeys);
        fieldLevels.forEach(l -> keys.add(l.key()));
        return keys;
    }

    /** The table every record of {@code topic} goes to. */
    public String tableFor(String topic) {
        return tables.tableFor(topic);
    }

    /**
     * DataException (naming the field) when the record lacks the time or a partition field, or holds one no
     * partition can name: whatever a record holds, it is routed or it is a bad record.
     */
    public Route route(SinkRecord record) {
        Instant instant = time.of(record);
        List<PartitionValue> timeValues = timeValues(instant);
        if (fieldLevels.isEmpty()) {
            return new Route(timeOnlyDestination(record.topic(), timeValues), instant);
        }
        List<PartitionValue> levels = new ArrayList<>(timeValues);
        for (FieldLevel level : fieldLevels) {
            // A tombstone written as a row has no value fields: it goes to the field's NULL partition.
            Object field = record.value() == null ? null : level.path().read(record.value());
            levels.add(PartitionValue.of(level.key(), scalarText(level, field)));
        }
        return new Route(new Destination(tables.tableFor(record.topic()), new PartitionPath(levels)), instant);
    }

    /**
     * PartitionTime keeps instants inside the range whose arithmetic holds; should a time still overflow rendering
     * (a pattern or zone at the range's very edge), it is the record's, not the task's, failure.
     */
    private List<PartitionValue> timeValues(Instant instant) {
        try {
            return timeLevels.render(instant);
        } catch (ArithmeticException | DateTimeException e) {
            throw new DataException(
                    "partition time " + instant + " cannot be rendered by path.format: " + e.getMessage(), e);
        }
    }

    /**
     * With time levels alone, the records of one topic and one hour share a destination: made when either changes,
     * not for every record. {@link TimeLevels} hands out the same list while the hour lasts.
     */
    private Destination timeOnlyDestination(String topic, List<PartitionValue> levels) {
        if (levels != lastLevels || !topic.equals(lastTopic)) {
            lastDestination = new Destination(tables.tableFor(topic), new PartitionPath(levels));
            lastLevels = levels;
            lastTopic = topic;
        }
        return lastDestination;
    }

    private static String scalarText(FieldLevel level, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? null : value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Struct || value instanceof Map || value instanceof List || value instanceof byte[]) {
            throw new DataException("partition field " + level.path().name() + " is not a scalar value");
        }
        return value.toString();
    }
}
