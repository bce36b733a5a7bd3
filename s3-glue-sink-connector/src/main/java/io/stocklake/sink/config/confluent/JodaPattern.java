package io.stocklake.sink.config.confluent;

import java.util.Map;

/**
 * Translates a Joda-Time date pattern, as Confluent's {@code path.format} is written, to the {@code java.time} pattern
 * that renders the same text. The letters differ where it matters: Joda's {@code Y} is the year of era, which
 * {@code java.time} spells {@code y} (its {@code Y} is the week-based year, which puts 2025-12-29 into 2026).
 * Week fields and text fields are refused: the sink never renders a week-based year, and renders numbers only.
 */
public final class JodaPattern {

    /** Joda's numeric fields and their java.time letters. */
    private static final Map<Character, Character> NUMERIC = Map.ofEntries(
            Map.entry('Y', 'y'), // year of era
            Map.entry('y', 'y'), // year (the same for the years 1 to 9999)
            Map.entry('M', 'M'),
            Map.entry('d', 'd'),
            Map.entry('D', 'D'),
            Map.entry('H', 'H'),
            Map.entry('k', 'k'),
            Map.entry('K', 'K'),
            Map.entry('h', 'h'),
            Map.entry('m', 'm'),
            Map.entry('s', 's'),
            Map.entry('S', 'S'));

    /** Characters that java.time reserves and Joda takes as literal text. */
    private static final String RESERVED = "[]{}#";

    private JodaPattern() {}

    /** The java.time pattern; IllegalArgumentException names a field that has no faithful equivalent. */
    public static String toJavaTime(String joda) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < joda.length()) {
            char c = joda.charAt(i);
            if (c == '\'') {
                int end = closingQuote(joda, i);
                out.append(joda, i, end + 1);
                i = end + 1;
            } else if (isLetter(c)) {
                int run = i;
                while (run < joda.length() && joda.charAt(run) == c) {
                    run++;
                }
                out.append(String.valueOf(field(c, run - i)).repeat(run - i));
                i = run;
            } else {
                out.append(RESERVED.indexOf(c) >= 0 ? "'" + c + "'" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }

    private static char field(char letter, int count) {
        switch (letter) {
            case 'x', 'w', 'e' ->
                throw new IllegalArgumentException("'" + letter + "' is a week-based field (weekyear, week of "
                        + "weekyear, day of week); use YYYY (calendar year), MM, dd");
            default -> {}
        }
        Character mapped = NUMERIC.get(letter);
        if (mapped == null || (letter == 'M' && count > 2)) {
            throw new IllegalArgumentException("'" + String.valueOf(letter).repeat(count) + "' is not a numeric "
                    + "date or time field; the sink renders numbers only (YYYY, MM, dd, HH, mm, ss)");
        }
        return mapped;
    }

    private static int closingQuote(String pattern, int open) {
        int i = open + 1;
        while (i < pattern.length()) {
            if (pattern.charAt(i) == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("a quote opened at position " + open + " is not closed");
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
