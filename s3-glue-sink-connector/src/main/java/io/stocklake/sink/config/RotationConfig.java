package io.stocklake.sink.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** When open files close (records, bytes, time span, schedule) and how much memory they may hold meanwhile. */
public final class RotationConfig extends ConfigFragment {

    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_SIZE_BYTES = "rotate.size.bytes";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String BUFFER_MAX_BYTES = "buffer.max.bytes";

    static final String GROUP = "Rotation and memory";
    /** The value of the interval keys that turns them off. */
    public static final long DISABLED = -1L;

    static final int FLUSH_SIZE_DEFAULT = 10_000;
    static final long ROTATE_SIZE_BYTES_DEFAULT = 128L * 1024 * 1024;
    static final long BUFFER_MAX_BYTES_DEFAULT = 256L * 1024 * 1024;
    static final long MIN_BUFFER_MAX_BYTES = 1024 * 1024;

    RotationConfig(Map<String, ?> values) {
        super(values);
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                FLUSH_SIZE,
                Type.INT,
                FLUSH_SIZE_DEFAULT,
                Range.atLeast(1),
                Importance.HIGH,
                "Records per file; a file reaching it closes all open files of its Kafka partition.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Records per file");
        def.define(
                ROTATE_SIZE_BYTES,
                Type.LONG,
                ROTATE_SIZE_BYTES_DEFAULT,
                Range.atLeast(1),
                Importance.MEDIUM,
                "Encoded bytes per file; a file reaching it closes all open files of its Kafka partition.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Bytes per file");
        def.define(
                ROTATE_INTERVAL_MS,
                Type.LONG,
                DISABLED,
                disabledOrPositive(),
                Importance.MEDIUM,
                "Largest span of partition time in the open files of a Kafka partition: a record this much "
                        + "later than the first one closes them first. -1 disables.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Time span");
        def.define(
                ROTATE_SCHEDULE_INTERVAL_MS,
                Type.LONG,
                DISABLED,
                disabledOrPositive(),
                Importance.MEDIUM,
                "Wall-clock rotation for freshness: open files close at the next multiple of this interval "
                        + "(aligned in 'timezone'), also without new records. Checked on every put, so "
                        + "the worker's offset.flush.interval.ms bounds the lateness. -1 disables.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Schedule");
        def.define(
                BUFFER_MAX_BYTES,
                Type.LONG,
                BUFFER_MAX_BYTES_DEFAULT,
                Range.atLeast(MIN_BUFFER_MAX_BYTES),
                Importance.MEDIUM,
                "Bound on the bytes the task holds in memory over all open files (encoded data "
                        + "not yet sent, upload buffers, and each open writer's own encoders and column writers); "
                        + "when reached, the Kafka partition holding most closes its files early.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Memory bound");
    }

    private static ConfigDef.Validator disabledOrPositive() {
        return LambdaValidator.with(
                (name, value) -> {
                    long v = (Long) value;
                    if (v != DISABLED && v <= 0) {
                        throw new ConfigException(name, value, "must be -1 (disabled) or positive");
                    }
                },
                () -> "-1 or > 0");
    }

    public int flushSize() {
        return value(FLUSH_SIZE);
    }

    public long rotateSizeBytes() {
        return value(ROTATE_SIZE_BYTES);
    }

    /** {@link #DISABLED} when off. */
    public long rotateIntervalMs() {
        return value(ROTATE_INTERVAL_MS);
    }

    /** {@link #DISABLED} when off. */
    public long rotateScheduleIntervalMs() {
        return value(ROTATE_SCHEDULE_INTERVAL_MS);
    }

    public long bufferMaxBytes() {
        return value(BUFFER_MAX_BYTES);
    }
}
