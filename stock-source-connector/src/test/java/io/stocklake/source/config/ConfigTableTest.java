package io.stocklake.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.configdocs.ConfigTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

    @Test
    void theReadmeConfigurationTableIsTheOneGeneratedFromTheConfigDef() throws IOException {
        ConfigTable.checkReadme(
                Path.of("README.md"), SourceConfig.configDef(), "stock-source-connector", ConfigTableTest.class);
    }

    @Test
    void everyKeyIsDocumentedOnce() {
        String section = ConfigTable.markdown(SourceConfig.configDef());

        for (String key : SourceConfig.configDef().names()) {
            assertThat(section).containsOnlyOnce("| `" + key + "` |");
        }
    }

    @Test
    void everyKeyHasADocAGroupAndADefault() {
        SourceConfig.configDef().configKeys().values().forEach(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.hasDefault()).as(key.name).isTrue();
        });
    }
}
