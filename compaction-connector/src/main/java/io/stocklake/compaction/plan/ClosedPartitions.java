package io.stocklake.compaction.plan;

import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.route.TimeLevels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells closed partitions from open ones by record time: a partition is closed once the table holds a partition
 * that starts at least {@code grace} after its end. The sink's time levels come first in its partition keys, with
 * the sink's {@code path.format} and time zone, so the same template reads a partition's start back.
 */
public final class ClosedPartitions {

    private final DateTimeFormatter parser;
    private final int levels;
    private final ChronoUnit unit;
    private final ZoneId zone;
    private final Duration grace;

    public ClosedPartitions(PathTemplate template, ZoneId zone, Duration grace) {
        Optional<ChronoUnit> finest = TimeLevels.finestUnit(template);
        if (finest.isEmpty()) {
            throw new IllegalArgumentException(
                    "path format " + template + " names a field no partition end can be " + "told from");
        }
        this.unit = finest.get();
        this.levels = template.segments().size();
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                builder.appendLiteral('\u0001');
            }
            builder.appendPattern(template.segments().get(i).pattern());
        }
        this.parser = builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter();
        this.zone = zone;
        this.grace = grace;
    }

    /** The partitions among {@code all} (values in key order) that are closed. */
    public List<List<String>> closed(List<List<String>> all) {
        Instant watermark = null;
        List<Instant> starts = new ArrayList<>();
        for (List<String> values : all) {
            Instant start = start(values);
            starts.add(start);
            if (start != null && (watermark == null || start.isAfter(watermark))) {
                watermark = start;
            }
        }
        List<List<String>> closed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Instant start = starts.get(i);
            if (start != null && !end(start).plus(grace).isAfter(watermark)) {
                closed.add(all.get(i));
            }
        }
        return closed;
    }

    /** The partitions among {@code all} that are of the path format and not closed: the sink still writes them. */
    public List<List<String>> open(List<List<String>> all) {
        List<List<String>> closed = closed(all);
        List<List<String>> open = new ArrayList<>();
        for (List<String> values : all) {
            if (start(values) != null && !closed.contains(values)) {
                open.add(values);
            }
        }
        return open;
    }

    /** The first instant the partition holds, or null when its values are not of the path format. */
    Instant start(List<String> values) {
        if (values.size() < levels) {
            return null;
        }
        try {
            TemporalAccessor parsed = parser.parse(String.join("\u0001", values.subList(0, levels)));
            LocalDate date = parsed.query(TemporalQueries.localDate());
            LocalTime time = parsed.query(TemporalQueries.localTime());
            if (date == null) {
                return null;
            }
            if (time == null) {
                int hour = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0;
                int minute =
                        parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0;
                time = LocalTime.of(hour, minute);
            }
            return LocalDateTime.of(date, time).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Instant end(Instant start) {
        return start.atZone(zone).plus(1, unit).toInstant();
    }
}
