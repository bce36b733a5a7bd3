package io.stocklake.sink.config;

import java.util.Locale;
import java.util.regex.Pattern;

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
