package io.stocklake.compaction.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin archive carries no Hadoop, and Connect workers have none: the sink's files must be read back with
 * everything on the test class path except Hadoop's jars, in a class loader that cannot reach the test's own.
 */
class ReadWithoutHadoopTest {

    private static URLClassLoader withoutHadoop;

    @BeforeAll
    static void loadWithoutHadoop() {
        withoutHadoop = new URLClassLoader(classPathWithoutHadoop(), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        withoutHadoop.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "snappy", "zstd", "gzip"})
    @SuppressWarnings("unchecked")
    void readsEveryCodecTheSinkWritesWithoutHadoopClasses(String compression) throws Exception {
        assertThatThrownBy(() -> withoutHadoop.loadClass("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        Function<String, String> roundTrip = (Function<String, String>) withoutHadoop
                .loadClass(RoundTrip.class.getName())
                .getDeclaredConstructor()
                .newInstance();

        assertThat(roundTrip.apply(compression)).isEqualTo("AAPL,MSFT,NVDA");
    }

    private static URL[] classPathWithoutHadoop() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !new File(entry).getName().startsWith("hadoop-"))
                .map(entry -> {
                    try {
                        return new File(entry).toURI().toURL();
                    } catch (MalformedURLException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toArray(URL[]::new);
    }

    /** Runs inside the Hadoop-free class loader: writes three ticks as the sink does and reads their symbols back. */
    public static final class RoundTrip implements Function<String, String> {
        @Override
        public String apply(String compression) {
            Schema schema = SchemaBuilder.struct()
                    .name("Tick")
                    .field("symbol", Schema.STRING_SCHEMA)
                    .build();
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                RecordFileWriter writer =
                        FileFormats.create("parquet", compression).open(schema, bytes);
                long offset = 0;
                for (String symbol : List.of("AAPL", "MSFT", "NVDA")) {
                    Struct tick = new Struct(schema).put("symbol", symbol);
                    writer.write(new SinkRecord("ticks", 0, null, null, schema, tick, offset++));
                }
                writer.finish();
                List<String> symbols = new ArrayList<>();
                Schema table = TableSchema.of("ticks", List.of(new TableSchema.Column("symbol", "string")));
                ParquetRows.read(bytes.toByteArray(), table, row -> symbols.add(row.getString("symbol")));
                return String.join(",", symbols);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
