package io.stocklake.sink.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * The README's configuration reference, generated from the ConfigDef so the two cannot drift apart.
 * {@code main(readme)} rewrites the section between the markers in place.
 */
public final class ConfigTable {

    public static final String BEGIN = "<!-- config-table:begin (generated from S3SinkConfig) -->";
    public static final String END = "<!-- config-table:end -->";
    public static final String REGENERATE = "./mvnw -q -pl s3-glue-sink-connector compile exec:java "
            + "-Dexec.mainClass=io.stocklake.sink.config.ConfigTable -Dexec.classpathScope=compile "
            + "-Dexec.args=s3-glue-sink-connector/README.md";

    private ConfigTable() {
    }

    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args[0]);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, replaceSection(text, markdown(S3SinkConfig.configDef())), StandardCharsets.UTF_8);
    }

    /** The README text with the generated section replaced. */
    public static String replaceSection(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README lacks the markers " + BEGIN + " ... " + END);
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
    }

    /** The generated section currently in a README. */
    public static String section(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README lacks the markers " + BEGIN + " ... " + END);
        }
        return readme.substring(begin + BEGIN.length() + 1, end);
    }

    public static String markdown(ConfigDef def) {
        Map<String, List<ConfigKey>> groups = def.configKeys().values().stream()
                .collect(Collectors.groupingBy(k -> k.group, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        groups.forEach((group, keys) -> {
            out.append("\n#### ").append(group).append("\n\n");
            out.append("| Key | Type | Default | Valid values | Importance | Description |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (ConfigKey key : keys) {
                out.append("| `").append(key.name).append("` | ")
                        .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(defaultText(key)).append(" | ")
                        .append(cell(key.validator == null ? "" : key.validator.toString())).append(" | ")
                        .append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        });
        return out.append("\n").toString();
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value instanceof Password password) {
            value = password.value();
        }
        if (value instanceof List<?> list) {
            value = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
