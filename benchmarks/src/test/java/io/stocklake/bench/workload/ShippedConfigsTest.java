package io.stocklake.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedConfigsTest {

    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void pointAtTheTemporaryFolder() {
        previous = System.setProperty(ShippedConfigs.PROPERTY, dir.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(ShippedConfigs.PROPERTY);
        } else {
            System.setProperty(ShippedConfigs.PROPERTY, previous);
        }
    }

    @Test
    void readsTheConfigOfTheShippedDocumentAsStrings() throws IOException {
        Files.writeString(dir.resolve("s3-glue-sink.json"), """
                {"name": "s", "config": {"format": "parquet", "flush.size": "100000", "glue.enabled": true}}
                """);

        assertThat(ShippedConfigs.read("s3-glue-sink.json")).containsEntry("format", "parquet")
                .containsEntry("flush.size", "100000").containsEntry("glue.enabled", "true").hasSize(3);
    }

    @Test
    void eachShapeTakesTheConverterSettingsOfItsOwnSourceAndSinkFiles() throws IOException {
        Files.writeString(dir.resolve(RecordShape.EXTERNAL_SCHEMA.sourceFile()), """
                {"name": "s", "config": {"topic": "t", "key.converter": "k", "value.converter": "v",
                 "value.converter.schemas.enable": "false", "producer.override.acks": "all"}}
                """);
        Files.writeString(dir.resolve(RecordShape.EXTERNAL_SCHEMA.sinkFile()), """
                {"name": "k", "config": {"topics": "t", "value.converter": "v",
                 "value.converter.schemas.enable": "true", "value.converter.schema.content": "{}"}}
                """);

        assertThat(RecordShape.EXTERNAL_SCHEMA.sourceConverters()).containsOnlyKeys("key.converter",
                "value.converter", "value.converter.schemas.enable").containsEntry("value.converter.schemas.enable",
                "false");
        assertThat(RecordShape.EXTERNAL_SCHEMA.sinkConverters()).containsOnlyKeys("value.converter",
                "value.converter.schemas.enable", "value.converter.schema.content");
    }

    @Test
    void theDefaultShapeKeepsEachBenchmarksSectionAndTitle() {
        assertThat(RecordShape.EMBEDDED_SCHEMA.section("sink")).isEqualTo("sink");
        assertThat(RecordShape.EMBEDDED_SCHEMA.titleSuffix()).isEmpty();
        assertThat(RecordShape.EXTERNAL_SCHEMA.section("sink")).isEqualTo("sink-external-schema");
    }
}
