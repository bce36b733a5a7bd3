package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.configdocs.ConfigTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

    @Test
    void readmeConfigurationSectionMatchesTheConfigDef() throws IOException {
        ConfigTable.checkReadme(
                Path.of("README.md"), SinkConfig.configDef(), "s3-glue-sink-connector", ConfigTableTest.class);
    }

    @Test
    void tableListsEveryKeyWithItsDefault() {
        String table = ConfigTable.markdown(SinkConfig.configDef());

        assertThat(table).contains("| `s3.bucket.name` | string | (required) |");
        assertThat(table).contains("| `path.format` | string | `'dt'=yyyy-MM-dd/'hour'=HH` |");
        assertThat(table.lines().filter(l -> l.startsWith("| `")).count())
                .isEqualTo(SinkConfig.configDef().names().size());
    }
}
