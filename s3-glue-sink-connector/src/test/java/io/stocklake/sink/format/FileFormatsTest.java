package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileFormatsTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "json, none, .json",
        "json, gzip, .json.gz",
        "json, zstd, .json.zst",
        "csv, none, .csv",
        "csv, gzip, .csv.gz",
        "csv, zstd, .csv.zst",
        "parquet, none, .parquet",
        "parquet, gzip, .parquet",
        "parquet, zstd, .parquet",
        "parquet, snappy, .parquet"
    })
    void namesFilesByFormatAndCompression(String format, String compression, String extension) {
        assertThat(FileFormats.create(format, compression).extension()).isEqualTo(extension);
    }

    @Test
    void readsNamesRegardlessOfCase() {
        assertThat(FileFormats.create(" JSON", "Gzip ").extension()).isEqualTo(".json.gz");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "csv"})
    void refusesSnappyForTextNamingTheCombination(String format) {
        assertThatThrownBy(() -> FileFormats.create(format, "snappy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snappy")
                .hasMessageContaining(format);
    }

    @Test
    void refusesAnUnknownFormatNamingIt() {
        assertThatThrownBy(() -> FileFormats.create("avro", "none"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("avro");
    }

    @Test
    void refusesAnUnknownCompressionNamingIt() {
        assertThatThrownBy(() -> FileFormats.create("json", "lz4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lz4");
    }

    @Test
    void acceptsEveryAdvertisedFormatWithoutCompression() {
        for (String format : FileFormats.FORMATS) {
            assertThat(FileFormats.create(format, "none").extension()).startsWith("." + format);
        }
    }
}
