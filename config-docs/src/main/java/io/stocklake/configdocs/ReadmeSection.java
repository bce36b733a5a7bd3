package io.stocklake.configdocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a README other than the configuration table, between the markers
 * {@code <!-- NAME:begin (generated; do not edit) -->} and {@code <!-- NAME:end -->}. Checked and, with
 * {@code -D}{@value ConfigTable#WRITE_PROPERTY}{@code =true}, rewritten the way {@link ConfigTable} does it.
 *
 * @param name the section's marker name
 */
public record ReadmeSection(String name) {

    public String begin() {
        return "<!-- " + name + ":begin (generated; do not edit) -->";
    }

    public String end() {
        return "<!-- " + name + ":end -->";
    }

    /**
     * Fails (AssertionError) when {@code readme}'s section is not {@code wanted}, saying how to regenerate it;
     * with {@code -Dconfig.table.write=true} it rewrites the section first.
     *
     * @param module the module of the README, as {@code ./mvnw -pl} names it
     * @param test   the test class that calls this, which the regeneration runs
     */
    public void check(Path readme, String wanted, String module, Class<?> test) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(ConfigTable.WRITE_PROPERTY)) {
            text = replace(text, wanted);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
        }
        if (!current(text).equals(wanted)) {
            throw new AssertionError(readme + ": the generated section " + name + " is stale; regenerate it from the "
                    + "repository root with:\n./mvnw -q -pl " + module + " -am test -Dtest=" + test.getName()
                    + " -Dsurefire.failIfNoSpecifiedTests=false -D" + ConfigTable.WRITE_PROPERTY + "=true");
        }
    }

    /** The README text with the section replaced by {@code content}. */
    public String replace(String readme, String content) {
        return readme.substring(0, beginIndex(readme) + begin().length()) + "\n" + content
                + readme.substring(endIndex(readme));
    }

    /** The section currently in a README. */
    public String current(String readme) {
        return readme.substring(beginIndex(readme) + begin().length() + 1, endIndex(readme));
    }

    private int beginIndex(String readme) {
        int begin = readme.indexOf(begin());
        if (begin < 0 || readme.indexOf(end()) < begin) {
            throw new IllegalArgumentException("README lacks the markers " + begin() + " ... " + end());
        }
        return begin;
    }

    private int endIndex(String readme) {
        beginIndex(readme);
        return readme.indexOf(end());
    }
}
