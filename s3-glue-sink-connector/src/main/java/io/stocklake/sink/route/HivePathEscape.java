package io.stocklake.sink.route;

/**
 * Escapes a partition value for a path the way Hive does (its {@code FileUtils.escapePathName}): control characters,
 * DEL and <code>" # % ' * / : = ? \ &#123; [ ] ^</code> become {@code %XX} (upper-case hex); every other character,
 * non-ASCII included, stays. The mapping is one-to-one, so distinct values get distinct folders, and Hive, Spark
 * and Trino name the folders of the values they write the same way.
 */
final class HivePathEscape {

    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (char c = 0; c < ' '; c++) {
            ESCAPED[c] = true;
        }
        for (char c : "\"#%'*/:=?\\\u007f{[]^".toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    private HivePathEscape() {}

    static String escape(String value) {
        int first = firstEscaped(value);
        if (first < 0) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        escaped.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                escaped.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int firstEscaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (needsEscape(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        return c < ESCAPED.length && ESCAPED[c];
    }
}
