package io.stocklake.sink.config;

import java.util.Map;

/**
 * How Athena partition projection computes the values of one time partition key of {@code path.format}: a
 * {@code date} projection for patterns with a year (stepping by the finest field in the pattern), an
 * {@code integer} projection for a lone hour, minute, day or month field.
 *
 * @param type     date or integer
 * @param format   the date pattern (date only)
 * @param unit     the interval unit, e.g. DAYS (date only)
 * @param range    min,max (integer only)
 * @param digits   zero-padded width (integer only; 0 when unpadded)
 */
public record ProjectedKey(String key, String type, String format, String unit, String range, int digits) {

    private static final Map<Character, String> UNITS = Map.of(
            'y', "YEARS", 'u', "YEARS", 'M', "MONTHS", 'd', "DAYS", 'H', "HOURS", 'm', "MINUTES", 's', "SECONDS");
    private static final String FINEST_FIRST = "smHdMyu";
    private static final Map<Character, String> INTEGER_RANGES =
            Map.of('H', "0,23", 'm', "0,59", 'd', "1,31", 'M', "1,12");

    /** The projection of a segment, or null when Athena cannot compute its values. */
    public static ProjectedKey of(PathTemplate.Segment segment) {
        String letters = patternLetters(segment.pattern());
        if (letters.isEmpty()) {
            return null;
        }
        for (char c : letters.toCharArray()) {
            if (!UNITS.containsKey(c)) {
                return null;
            }
        }
        if (letters.indexOf('y') >= 0 || letters.indexOf('u') >= 0) {
            for (char c : FINEST_FIRST.toCharArray()) {
                if (letters.indexOf(c) >= 0) {
                    return new ProjectedKey(segment.key(), "date", segment.pattern(), UNITS.get(c), null, 0);
                }
            }
        }
        char field = letters.charAt(0);
        boolean single = letters.chars().allMatch(c -> c == field) && letters.length() <= 2;
        if (!single || !INTEGER_RANGES.containsKey(field) || !segment.pattern().equals(letters)) {
            return null;
        }
        return new ProjectedKey(
                segment.key(), "integer", null, null, INTEGER_RANGES.get(field), letters.length() == 2 ? 2 : 0);
    }

    /** The pattern letters outside quoted literals. */
    private static String patternLetters(String pattern) {
        StringBuilder letters = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
