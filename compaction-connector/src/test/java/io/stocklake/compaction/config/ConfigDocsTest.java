package io.stocklake.compaction.config;

import io.stocklake.configdocs.ConfigTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void readmeConfigurationSectionMatchesTheConfigDef() throws IOException {
        ConfigTable.checkReadme(
                Path.of("README.md"), CompactionConfig.configDef(), "compaction-connector", ConfigDocsTest.class);
    }
}
