package io.stocklake.sink.config;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code path.format}: Hive partition segments such as {@code 'dt'=yyyy-MM-dd/'hour'=HH}, each a
 * quoted partition key and a {@link DateTimeFormatter} pattern for its value.
 */
public record PathTemplate(List<Segment> segments) {

    /** java.time's week-based fields: with them a date's year or month can differ from the calendar's. */
    private static final Map<Character, String> WEEK_FIELDS = Map.of(
            'Y', "week-based year",
            'w', "week of week-based year",
            'W', "week of month",
            'e', "localized day of week",
            'c', "localized day of week",
            'F', "aligned week of month");

    private static final Pattern SEGMENT = Pattern.compile("'([a-z][a-z0-9_]*)'=(.+)");

    /** One partition level: the Hive key and the pattern that renders its value. */
    public record Segment(String key, String pattern) {
        public DateTimeFormatter formatter() {
            return DateTimeFormatter.ofPattern(pattern);
        }
    }

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /** Parses a template; IllegalArgumentException says what is wrong with which segment. */
    public static PathTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : template.split("/", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("segment \"" + part + "\" is not of the form "
                        + "'key'=pattern with a lowercase Hive key, e.g. 'dt'=yyyy-MM-dd");
            }
            try {
                DateTimeFormatter.ofPattern(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "segment \"" + part + "\" has an invalid date-time pattern: " + e.getMessage(), e);
            }
            weekField(m.group(2)).ifPresent(letter -> {
                throw new IllegalArgumentException("segment \"" + part + "\" has the week-based field '" + letter
                        + "' (" + WEEK_FIELDS.get(letter) + "), which puts the last days of December into the next "
                        + "year or the first days of January into the last; use yyyy for the calendar year, "
                        + "MM, dd");
            });
            segments.add(new Segment(m.group(1), m.group(2)));
        }
        return new PathTemplate(segments);
    }

    /** The first week-based field letter of a java.time pattern, outside its quoted text. */
    static Optional<Character> weekField(String pattern) {
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && WEEK_FIELDS.containsKey(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<String> keys() {
        return segments.stream().map(Segment::key).toList();
    }
}
