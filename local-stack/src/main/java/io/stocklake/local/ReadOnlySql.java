package io.stocklake.local;

import java.util.Locale;
import java.util.Set;

/**
 * Admits one read-only statement from the page's SQL box: a single SELECT, WITH, SHOW, DESCRIBE or EXPLAIN (not
 * EXPLAIN ANALYZE, which runs the statement). The statement also runs in a read-only transaction, so this check is
 * the clear message, not the only guard.
 */
final class ReadOnlySql {

    static final Set<String> ALLOWED = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "EXPLAIN");

    private ReadOnlySql() {}

    /**
     * @return the statement without comments' surroundings and a trailing semicolon
     * @throws IllegalArgumentException naming why the statement is refused
     */
    static String check(String sql) {
        String statement = withoutTrailingSemicolon(sql == null ? "" : sql.strip());
        String code = codeOnly(statement);
        if (code.isBlank()) {
            throw new IllegalArgumentException("Enter a SQL statement.");
        }
        if (code.contains(";")) {
            throw new IllegalArgumentException("Only one statement at a time: remove the ';' between statements.");
        }
        String[] words = code.strip().split("\\s+");
        String first = words[0].toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(first)) {
            throw new IllegalArgumentException("Read-only: only SELECT, WITH, SHOW, DESCRIBE or EXPLAIN statements run "
                    + "here, not " + first + ".");
        }
        if (first.equals("EXPLAIN")
                && code.toUpperCase(Locale.ROOT).matches("(?s)\\s*EXPLAIN\\s+(\\(.*\\)\\s*)?ANALYZE\\b.*")) {
            throw new IllegalArgumentException("Read-only: EXPLAIN ANALYZE runs the statement; use EXPLAIN.");
        }
        return statement;
    }

    private static String withoutTrailingSemicolon(String sql) {
        String s = sql;
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    /** The statement with string literals, quoted identifiers and comments blanked out, so a ';' in them is harmless. */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i + 1, c);
                out.append(' ');
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                out.append(' ');
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                out.append(' ');
                i = end < 0 ? sql.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index of the quote closing a literal opened before {@code from}; a doubled quote is an escaped one. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length();
    }
}
