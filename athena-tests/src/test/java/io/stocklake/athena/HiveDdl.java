package io.stocklake.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parts of an Athena (Hive) {@code CREATE EXTERNAL TABLE} statement that become the Glue table: columns, partition
 * keys, SerDe and its properties, input and output formats, location and table properties. Reads the statements of
 * {@code athena/ddl/}, which keep to that grammar: quoted strings in single quotes, names optionally in backticks.
 */
record HiveDdl(
        String table,
        List<Column> columns,
        List<Column> partitionKeys,
        String serde,
        Map<String, String> serdeProperties,
        String inputFormat,
        String outputFormat,
        String location,
        Map<String, String> tableProperties) {

    /** A column or partition key; the type as Hive writes it, in lower case without blanks. */
    record Column(String name, String type) {}

    private static final Pattern CREATE = Pattern.compile(
            "CREATE\\s+EXTERNAL\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\\w.]+)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTITIONED_BY = Pattern.compile("PARTITIONED\\s+BY\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERDE =
            Pattern.compile("ROW\\s+FORMAT\\s+SERDE\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERDE_PROPERTIES =
            Pattern.compile("WITH\\s+SERDEPROPERTIES\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORMATS = Pattern.compile(
            "STORED\\s+AS\\s+INPUTFORMAT\\s+'([^']*)'\\s+OUTPUTFORMAT\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATION = Pattern.compile("LOCATION\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern TBLPROPERTIES = Pattern.compile("TBLPROPERTIES\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY = Pattern.compile("'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'");

    static HiveDdl read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static HiveDdl parse(String statement) {
        String ddl = withoutComments(statement);
        Matcher create = find(CREATE, ddl, "CREATE EXTERNAL TABLE name (");
        String columns = parenthesized(ddl, create.end() - 1);
        String rest = ddl.substring(create.end() - 1 + columns.length() + 2);
        Matcher partitioned = find(PARTITIONED_BY, rest, "PARTITIONED BY (");
        Matcher formats = find(FORMATS, rest, "STORED AS INPUTFORMAT '...' OUTPUTFORMAT '...'");
        Matcher serdeProperties = SERDE_PROPERTIES.matcher(rest);
        Matcher tableProperties = TBLPROPERTIES.matcher(rest);
        return new HiveDdl(
                unquoted(create.group(1)),
                columns(columns),
                columns(parenthesized(rest, partitioned.end() - 1)),
                find(SERDE, rest, "ROW FORMAT SERDE '...'").group(1),
                serdeProperties.find() ? properties(parenthesized(rest, serdeProperties.end() - 1)) : Map.of(),
                formats.group(1),
                formats.group(2),
                find(LOCATION, rest, "LOCATION '...'").group(1),
                tableProperties.find() ? properties(parenthesized(rest, tableProperties.end() - 1)) : Map.of());
    }

    private static String withoutComments(String statement) {
        return statement
                .lines()
                .map(line -> line.replaceFirst("^\\s*--.*$", ""))
                .collect(Collectors.joining("\n"));
    }

    private static Matcher find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + what + " in the DDL");
        }
        return matcher;
    }

    /** The text between the parenthesis at {@code open} and its match, skipping quoted strings. */
    private static String parenthesized(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("unbalanced parenthesis in the DDL after: " + text.substring(open));
    }

    /** {@code name type, ...}; commas inside {@code <>} or {@code ()} (struct, decimal) do not split. */
    private static List<Column> columns(String list) {
        List<Column> columns = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String[] definition = list.substring(start, i).strip().split("\\s+", 2);
                columns.add(new Column(
                        unquoted(definition[0]),
                        definition[1].replaceAll("\\s+", "").toLowerCase(Locale.ROOT)));
                start = i + 1;
            }
        }
        return columns;
    }

    private static Map<String, String> properties(String list) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher property = PROPERTY.matcher(list);
        while (property.find()) {
            properties.put(
                    property.group(1).replace("''", "'"), property.group(2).replace("''", "'"));
        }
        return properties;
    }

    private static String unquoted(String name) {
        return name.replace("`", "").toLowerCase(Locale.ROOT);
    }
}
