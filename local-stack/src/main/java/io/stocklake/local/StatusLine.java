package io.stocklake.local;

import io.stocklake.stack.ConnectorStatus;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders pipeline readings as one compact line, with rates from the previous reading. */
final class StatusLine {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private PipelineStatus previous;

    String render(PipelineStatus now, Duration sincePrevious, LocalTime time) {
        double seconds = Math.max(0.001, sincePrevious.toMillis() / 1000.0);
        double ticksPerSecond = previous == null ? 0 : (now.topicOffsets() - previous.topicOffsets()) / seconds;
        previous = now;
        String glue = now.gluePartitions() < 0 ? "no table yet" : now.gluePartitions() + " partitions";
        return String.format(
                Locale.ROOT,
                "%s  ticks %,.1f/s (%,d) | S3 %,d records, %,d objects, %s | Glue %s | lag %,d | %s",
                CLOCK.format(time),
                ticksPerSecond,
                now.topicOffsets(),
                now.sinkCommitted(),
                now.objects(),
                bytes(now.bytes()),
                glue,
                now.lag(),
                states(now));
    }

    private static String states(PipelineStatus status) {
        return status.connectors().stream().map(StatusLine::state).collect(Collectors.joining(" · "));
    }

    private static String state(ConnectorStatus c) {
        long running =
                c.tasks().stream().filter(t -> "RUNNING".equals(t.state())).count();
        return c.name() + " " + c.state() + " " + running + "/" + c.tasks().size();
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
