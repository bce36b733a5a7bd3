package io.stocklake.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShippedConfigsTest {

    @RegisterExtension
    final ConfigsFolder configs = new ConfigsFolder();

    @Test
    void readsTheConfigOfTheShippedDocumentAsStrings() throws IOException {
        configs.write("s3-glue-sink.json", """
                {"name": "s", "config": {"format": "parquet", "flush.size": "100000", "glue.enabled": true}}
                """);

        assertThat(ShippedConfigs.read("s3-glue-sink.json"))
                .containsEntry("format", "parquet")
                .containsEntry("flush.size", "100000")
                .containsEntry("glue.enabled", "true")
                .hasSize(3);
    }

    @Test
    void eachShapeTakesTheConverterSettingsOfItsOwnSourceAndSinkFiles() throws IOException {
        configs.write(RecordShape.EXTERNAL_SCHEMA.sourceFile(), """
                {"name": "s", "config": {"topic": "t", "key.converter": "k", "value.converter": "v",
                 "value.converter.schemas.enable": "false", "producer.override.acks": "all"}}
                """);
        configs.write(RecordShape.EXTERNAL_SCHEMA.sinkFile(), """
                {"name": "k", "config": {"topics": "t", "value.converter": "v",
                 "value.converter.schemas.enable": "true", "value.converter.schema.content": "{}"}}
                """);

        assertThat(RecordShape.EXTERNAL_SCHEMA.sourceConverters())
                .containsOnlyKeys("key.converter", "value.converter", "value.converter.schemas.enable")
                .containsEntry("value.converter.schemas.enable", "false");
        assertThat(RecordShape.EXTERNAL_SCHEMA.sinkConverters())
                .containsOnlyKeys(
                        "value.converter", "value.converter.schemas.enable", "value.converter.schema.content");
    }

    @Test
    void theDefaultShapeKeepsEachBenchmarksSectionAndTitle() {
        assertThat(RecordShape.EMBEDDED_SCHEMA.section("sink")).isEqualTo("sink");
        assertThat(RecordShape.EMBEDDED_SCHEMA.titleSuffix()).isEmpty();
        assertThat(RecordShape.EXTERNAL_SCHEMA.section("sink")).isEqualTo("sink-external-schema");
    }
}
