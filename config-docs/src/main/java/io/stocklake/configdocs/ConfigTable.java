package io.stocklake.configdocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * A connector README's configuration reference, generated from its {@link ConfigDef} so the two cannot drift
 * apart: one Markdown table per group, between {@link #BEGIN} and {@link #END}. Each connector has a test that
 * checks its README with {@link #checkReadme}; run with {@code -D}{@value #WRITE_PROPERTY}{@code =true}, the
 * same test rewrites the README first.
 */
public final class ConfigTable {

    public static final String BEGIN = "<!-- config-table:begin (generated from the ConfigDef; do not edit) -->";
    public static final String END = "<!-- config-table:end -->";
    /** The system property that makes {@link #checkReadme} rewrite the README. */
    public static final String WRITE_PROPERTY = "config.table.write";

    private ConfigTable() {}

    /**
     * Fails (AssertionError) when {@code readme}'s section is not the one {@code def} gives, saying how to
     * regenerate it; with {@code -Dconfig.table.write=true} it rewrites the section first.
     *
     * @param module the module of the README, as {@code ./mvnw -pl} names it
     * @param test   the test class that calls this, which the regeneration runs
     */
    public static void checkReadme(Path readme, ConfigDef def, String module, Class<?> test) throws IOException {
        String wanted = markdown(def);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            text = replaceSection(text, wanted);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
        }
        if (!section(text).equals(wanted)) {
            throw new AssertionError(readme + ": the configuration table is stale; regenerate it from the "
                    + "repository root with:\n./mvnw -q -pl " + module + " -am test -Dtest=" + test.getSimpleName()
                    + " -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true");
        }
    }

    /** The Markdown between the markers: one table per group, in the order the groups were defined. */
    public static String markdown(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        for (String group : def.groups()) {
            out.append("\n#### ")
                    .append(group)
                    .append("\n\n")
                    .append("| Key | Type | Default | Valid values | Importance | Description |\n")
                    .append("|---|---|---|---|---|---|\n");
            List<ConfigKey> keys = def.configKeys().values().stream()
                    .filter(key -> group.equals(key.group))
                    .sorted(Comparator.comparingInt(key -> key.orderInGroup))
                    .toList();
            for (ConfigKey key : keys) {
                out.append("| `")
                        .append(key.name)
                        .append("` | ")
                        .append(key.type.name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(defaultText(key))
                        .append(" | ")
                        .append(cell(key.validator == null ? "" : key.validator.toString()))
                        .append(" | ")
                        .append(key.importance.name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(cell(key.documentation))
                        .append(" |\n");
            }
        }
        return out.append('\n').toString();
    }

    /** The README text with the generated section replaced by {@code table}. */
    public static String replaceSection(String readme, String table) {
        return readme.substring(0, begin(readme) + BEGIN.length()) + "\n" + table + readme.substring(end(readme));
    }

    /** The generated section currently in a README. */
    public static String section(String readme) {
        return readme.substring(begin(readme) + BEGIN.length() + 1, end(readme));
    }

    private static int begin(String readme) {
        int begin = readme.indexOf(BEGIN);
        if (begin < 0 || readme.indexOf(END) < begin) {
            throw new IllegalArgumentException("README lacks the markers " + BEGIN + " ... " + END);
        }
        return begin;
    }

    private static int end(String readme) {
        begin(readme);
        return readme.indexOf(END);
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        // A password's default is shown as it is (empty, in practice), not as Kafka's "[hidden]".
        String text = key.defaultValue instanceof Password password
                ? password.value()
                : ConfigDef.convertToString(key.defaultValue, key.type);
        return text == null || text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
