package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

    @Test
    void readmeConfigurationSectionMatchesTheConfigDef() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(ConfigTable.section(readme))
                .as("README.md configuration table is stale; regenerate from the repository root with:%n%s",
                        ConfigTable.REGENERATE)
                .isEqualTo(ConfigTable.markdown(S3SinkConfig.configDef()));
    }

    @Test
    void tableListsEveryKeyWithItsDefault() {
        String table = ConfigTable.markdown(S3SinkConfig.configDef());

        assertThat(table).contains("| `s3.bucket.name` | string | (required) |");
        assertThat(table).contains("| `path.format` | string | `'dt'=yyyy-MM-dd/'hour'=HH` |");
        assertThat(table.lines().filter(l -> l.startsWith("| `")).count())
                .isEqualTo(S3SinkConfig.configDef().names().size());
    }
}
