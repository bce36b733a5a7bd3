package io.stocklake.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void theReadmeConfigurationTableIsTheOneGeneratedFromTheConfigDef() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(ConfigDocs.currentSection(readme))
                .as("README.md's configuration table is out of date; regenerate it from the project root with:%n%s",
                        ConfigDocs.REGENERATE)
                .isEqualTo(ConfigDocs.section(SourceConfigDef.configDef()));
    }

    @Test
    void everyKeyIsDocumentedOnce() {
        String section = ConfigDocs.section(SourceConfigDef.configDef());

        for (String key : SourceConfigDef.configDef().names()) {
            assertThat(section).containsOnlyOnce("| `" + key + "` |");
        }
    }

    @Test
    void everyKeyHasADocAGroupAndADefault() {
        SourceConfigDef.configDef().configKeys().values().forEach(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.hasDefault()).as(key.name).isTrue();
        });
    }

    @Test
    void regeneratingReplacesOnlyTheTextBetweenTheMarkers() {
        String readme = "intro\n" + ConfigDocs.BEGIN + "\nold\n" + ConfigDocs.END + "\noutro\n";

        String updated = ConfigDocs.withSection(readme, "new\n");

        assertThat(updated).isEqualTo("intro\n" + ConfigDocs.BEGIN + "\nnew\n" + ConfigDocs.END + "\noutro\n");
        assertThat(ConfigDocs.currentSection(updated)).isEqualTo("new\n");
    }
}
