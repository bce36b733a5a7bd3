package io.stocklake.sink.config;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The Glue/Athena table a topic lands in: {@code table.name} when set, else the topic made a valid name
 * (lowercase letters, digits and underscores, starting with a letter).
 */
public record TableNaming(String fixedName) {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,254}");

    public TableNaming {
        fixedName = fixedName == null ? "" : fixedName;
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Empty, or a table name Glue and Athena accept ({@code table.name}, {@code glue.table}). */
    static ConfigDef.Validator emptyOrValid() {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    String table = (String) value;
                    if (table != null && !table.isEmpty() && !isValid(table)) {
                        throw new ConfigException(
                                name,
                                value,
                                "must start with a lowercase letter and contain only "
                                        + "lowercase letters, digits and '_' (at most 255 characters), as Glue and Athena expect");
                    }
                },
                () -> "empty or [a-z][a-z0-9_]*, at most 255 characters");
    }

    public String tableFor(String topic) {
        if (!fixedName.isEmpty()) {
            return fixedName;
        }
        String name = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "t_" + name;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
