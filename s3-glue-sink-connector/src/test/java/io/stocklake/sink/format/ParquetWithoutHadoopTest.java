package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin archive carries no Hadoop: Parquet files must be written with everything on the test class path
 * except Hadoop's jars, in a class loader that cannot reach the test's own.
 */
class ParquetWithoutHadoopTest {

    private static URLClassLoader withoutHadoop;

    @BeforeAll
    static void loadWithoutHadoop() {
        withoutHadoop = new URLClassLoader(classPathWithoutHadoop(), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        withoutHadoop.close();
    }

    @Test
    void hadoopIsOutOfReach() {
        assertThatThrownBy(() -> withoutHadoop.loadClass("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none, UNCOMPRESSED", "snappy, SNAPPY", "gzip, GZIP", "zstd, ZSTD"})
    void writesEveryCodecWithoutHadoopClasses(String compression, CompressionCodecName codec) throws Exception {
        @SuppressWarnings("unchecked")
        Function<String, byte[]> writer = (Function<String, byte[]>) withoutHadoop
                .loadClass(OneTickParquetFile.class.getName())
                .getDeclaredConstructor()
                .newInstance();

        byte[] file = writer.apply(compression);

        ParquetFiles.Content content = ParquetFiles.read(file);
        assertThat(content.codecs()).containsOnly(codec);
        assertThat(content.rows()).hasSize(1);
        assertThat(content.rows().get(0).getString("symbol", 0)).isEqualTo("AAPL");
    }

    private static URL[] classPathWithoutHadoop() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("hadoop-"))
                .map(ParquetWithoutHadoopTest::url)
                .toArray(URL[]::new);
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    /** Runs inside the Hadoop-free class loader: writes one tick in the given compression. */
    public static final class OneTickParquetFile implements Function<String, byte[]> {

        @Override
        public byte[] apply(String compression) {
            try {
                return TestFiles.write(
                        FileFormats.create("parquet", compression),
                        StockTicks.SCHEMA,
                        StockTicks.records(StockTicks.sample().subList(0, 1)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
