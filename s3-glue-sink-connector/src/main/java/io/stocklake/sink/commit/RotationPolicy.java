package io.stocklake.sink.commit;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When the open files of a Kafka partition close. Records per file, bytes per file and partition-time span
 * depend only on the records, so a replay cuts at the same offsets; the wall-clock schedule does not, which
 * is why its rotations leave boundary markers.
 *
 * @param spanMs     largest partition-time span of one batch, or -1
 * @param scheduleMs wall-clock rotation interval, or -1
 */
public record RotationPolicy(int flushSize, long rotateSizeBytes, long spanMs, long scheduleMs, ZoneId zone) {

    boolean fileFull(long records, long bytes) {
        return records >= flushSize || bytes >= rotateSizeBytes;
    }

    boolean spanExceeded(Instant earliest, Instant latest) {
        return spanMs > 0 && latest.toEpochMilli() - earliest.toEpochMilli() >= spanMs;
    }

    /** The first schedule boundary after {@code openedAt}, aligned in the zone; Long.MAX_VALUE when off. */
    long scheduleDeadline(long openedAtMillis) {
        if (scheduleMs <= 0) {
            return Long.MAX_VALUE;
        }
        long offset =
                zone.getRules().getOffset(Instant.ofEpochMilli(openedAtMillis)).getTotalSeconds() * 1000L;
        long local = openedAtMillis + offset;
        return Math.floorDiv(local, scheduleMs) * scheduleMs + scheduleMs - offset;
    }
}
