package io.stocklake.compaction.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.stocklake.sink.config.ConfigTable;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    static final String BEGIN = "<!-- config-table:begin (generated from CompactionConfig) -->";
    static final String END = "<!-- config-table:end -->";

    @Test
    void readmeConfigurationSectionMatchesTheConfigDef() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String expected = ConfigTable.markdown(CompactionConfig.configDef());
        if (Boolean.getBoolean("docs.regenerate")) {
            int begin = text.indexOf(BEGIN) + BEGIN.length();
            text = text.substring(0, begin) + "\n" + expected + text.substring(text.indexOf(END));
            Files.writeString(readme, text, StandardCharsets.UTF_8);
        }

        assertThat(text.substring(text.indexOf(BEGIN) + BEGIN.length() + 1, text.indexOf(END)))
                .as("README.md configuration table is stale; regenerate with -Dtest=ConfigDocsTest "
                        + "-Ddocs.regenerate=true")
                .isEqualTo(expected);
    }
}
