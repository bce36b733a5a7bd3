package io.stocklake.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedSinkConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsTheConfigOfTheShippedDocumentAsStrings() throws IOException {
        Files.writeString(dir.resolve(ShippedSinkConfig.FILE), """
                {"name": "s", "config": {"format": "parquet", "flush.size": "100000", "glue.enabled": true}}
                """);
        String previous = System.setProperty(ShippedConfigs.PROPERTY, dir.toString());
        try {
            assertThat(ShippedSinkConfig.shipped()).containsEntry("format", "parquet")
                    .containsEntry("flush.size", "100000").containsEntry("glue.enabled", "true").hasSize(3);
        } finally {
            if (previous == null) {
                System.clearProperty(ShippedConfigs.PROPERTY);
            } else {
                System.setProperty(ShippedConfigs.PROPERTY, previous);
            }
        }
    }
}
