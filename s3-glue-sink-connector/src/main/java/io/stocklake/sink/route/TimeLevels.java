package io.stocklake.sink.route;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.stocklake.sink.config.PathTemplate;

/**
 * Renders the time levels of a partition path ({@code dt=2026-11-24/hour=03}). Consecutive records mostly fall
 * in the same hour or day, so the last rendering is kept with the span of instants it holds for (the finest
 * unit the patterns name) and reused while records stay inside it.
 */
final class TimeLevels {

    private record Level(String key, DateTimeFormatter formatter) {
    }

    private final ZoneId zone;
    private final List<Level> levels;
    /** Empty when a pattern names a field this class cannot bound (fractions of seconds, zone names). */
    private final Optional<ChronoUnit> unit;
    private long spanStart = Long.MAX_VALUE;
    private long spanEnd = Long.MIN_VALUE;
    private List<PartitionValue> last;

    TimeLevels(PathTemplate template, ZoneId zone) {
        this.zone = zone;
        this.levels = template.segments().stream()
                .map(s -> new Level(s.key(), s.formatter().withZone(zone)))
                .toList();
        this.unit = finestUnit(template);
    }

    /** The rendered levels for this instant, in template order. */
    List<PartitionValue> render(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis >= spanStart && millis < spanEnd) {
            return last;
        }
        ZonedDateTime at = instant.atZone(zone);
        List<PartitionValue> values = new ArrayList<>(levels.size());
        for (Level level : levels) {
            values.add(PartitionValue.sanitised(level.key(), level.formatter().format(at)));
        }
        last = List.copyOf(values);
        if (unit.isPresent()) {
            ZonedDateTime start = startOf(at, unit.get());
            spanStart = start.toInstant().toEpochMilli();
            spanEnd = start.plus(1, unit.get()).toInstant().toEpochMilli();
        }
        return last;
    }

    private static ZonedDateTime startOf(ZonedDateTime at, ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> at.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfYear());
            case MONTHS -> at.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfMonth());
            default -> at.truncatedTo(unit);
        };
    }

    /** The finest unit any pattern letter of the template changes with. */
    static Optional<ChronoUnit> finestUnit(PathTemplate template) {
        ChronoUnit finest = ChronoUnit.YEARS;
        for (PathTemplate.Segment segment : template.segments()) {
            String pattern = segment.pattern();
            boolean quoted = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && Character.isLetter(c)) {
                    ChronoUnit unit = unitOf(c);
                    if (unit == null) {
                        return Optional.empty();
                    }
                    if (unit.getDuration().compareTo(finest.getDuration()) < 0) {
                        finest = unit;
                    }
                }
            }
        }
        return Optional.of(finest);
    }

    private static ChronoUnit unitOf(char letter) {
        return switch (letter) {
            case 'G', 'u', 'y' -> ChronoUnit.YEARS;
            case 'M', 'L', 'Q', 'q' -> ChronoUnit.MONTHS;
            // Week-based fields change at day boundaries too.
            case 'd', 'D', 'E', 'e', 'c', 'F', 'w', 'W', 'Y' -> ChronoUnit.DAYS;
            case 'H', 'k', 'K', 'h', 'a' -> ChronoUnit.HOURS;
            case 'm' -> ChronoUnit.MINUTES;
            case 's' -> ChronoUnit.SECONDS;
            default -> null;
        };
    }
}
