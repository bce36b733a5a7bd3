package io.stocklake.sink.config;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code path.format}: Hive partition segments such as {@code 'dt'=yyyy-MM-dd/'hour'=HH}, each a
 * quoted partition key and a {@link DateTimeFormatter} pattern for its value.
 */
public record PathTemplate(List<Segment> segments) {

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
            segments.add(new Segment(m.group(1), m.group(2)));
        }
        return new PathTemplate(segments);
    }

    public List<String> keys() {
        return segments.stream().map(Segment::key).toList();
    }
}
