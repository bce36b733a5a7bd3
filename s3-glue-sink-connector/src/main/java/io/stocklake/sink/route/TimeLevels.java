package io.stocklake.sink.route;

import io.stocklake.sink.config.PathTemplate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;

/**
 * Renders the time levels of a partition path ({@code dt=2026-11-24/hour=03}). Consecutive records mostly fall
 * in the same hour or day, so the last rendering is kept with the span of instants it holds for (the finest
 * unit the patterns name) and reused while records stay inside it.
 */
public final class TimeLevels {

    private record Level(String key, DateTimeFormatter formatter) {}

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
        if (at.getYear() < 1 || at.getYear() > 9999) {
            // Near the range's edges a zone moves the local date into year 0 or 10000, which four-digit folder
            // names cannot tell apart from other years (year 0 renders as 0001 of the era before).
            throw new DataException("partition time " + instant + " falls in year " + at.getYear() + " in zone " + zone
                    + ", outside years 0001 to 9999");
        }
        List<PartitionValue> values = new ArrayList<>(levels.size());
        for (Level level : levels) {
            values.add(PartitionValue.of(level.key(), level.formatter().format(at)));
        }
        List<PartitionValue> rendered = List.copyOf(values);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        if (unit.isPresent()) {
            ZonedDateTime first = startOf(at, unit.get());
            start = first.toInstant().toEpochMilli();
            end = first.plus(1, unit.get()).toInstant().toEpochMilli();
        }
        // Kept only once all is computed: a throw above leaves the previous span and its rendering intact.
        spanStart = start;
        spanEnd = end;
        last = rendered;
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
    public static Optional<ChronoUnit> finestUnit(PathTemplate template) {
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
            // Week-based fields are refused by PathTemplate.
            case 'd', 'D', 'E' -> ChronoUnit.DAYS;
            case 'H', 'k', 'K', 'h', 'a' -> ChronoUnit.HOURS;
            case 'm' -> ChronoUnit.MINUTES;
            case 's' -> ChronoUnit.SECONDS;
            default -> null;
        };
    }
}
