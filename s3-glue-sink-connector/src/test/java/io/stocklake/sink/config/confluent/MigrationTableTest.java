package io.stocklake.sink.config.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.configdocs.ReadmeSection;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MigrationTableTest {

    @Test
    void readmeMigrationTableMatchesTheMapping() throws IOException {
        new ReadmeSection("confluent-migration")
                .check(
                        Path.of("README.md"),
                        MigrationTable.markdown(ConfluentKeys.ALL),
                        "s3-glue-sink-connector",
                        MigrationTableTest.class);
    }

    @Test
    void everyKeyOfTheMappingHasARow() {
        String table = MigrationTable.markdown(ConfluentKeys.ALL);

        assertThat(table.lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(ConfluentKeys.ALL.size());
        assertThat(table).contains("| `store.url` | honoured | `s3.endpoint.url` |");
    }
}
