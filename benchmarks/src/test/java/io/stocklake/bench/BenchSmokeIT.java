package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.RecordShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark of {@code ./bench}, in its smoke size on one shared stack, so that none rots: each must come back
 * with its table of figures (not checked: this machine is shared) and write nothing to BENCHMARKS.md.
 */
class BenchSmokeIT {

    private static final BenchStack stack = new BenchStack("BenchSmokeIT");

    @TempDir
    static Path dir;

    static Stream<String> benchmarks() {
        return Bench.all().keySet().stream();
    }

    static Stream<String> benchmarksWithRecordShapes() {
        return Bench.all().values().stream().filter(Benchmark::takesRecordShape).map(Benchmark::name);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeAll
    static void recordsFile() throws Exception {
        Files.writeString(dir.resolve("BENCHMARKS.md"), "# Benchmarks\n\nrecorded figures\n");
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void aSmokeRunMeasuresAndRecordsNothing(String name) throws Exception {
        Path output = dir.resolve("BENCHMARKS.md");
        String before = Files.readString(output);
        BenchOptions smoke = new BenchOptions(true, OptionalInt.empty(), "./bench " + name + " --smoke");

        String results = Bench.execute(Bench.all().get(name), smoke, stack, output);

        assertThat(results).startsWith("## ").contains("Command: `./bench " + name + " --smoke`");
        assertThat(tableRows(results))
                .as("rows of figures")
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsPattern("\\| -?[0-9][0-9,.]* "));
        assertThat(Files.readString(output)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("benchmarksWithRecordShapes")
    void anExternalSchemaSmokeRunMeasuresTicksWithoutEmbeddedSchemas(String name) throws Exception {
        Path output = dir.resolve("BENCHMARKS.md");
        String command = "./bench " + name + " --smoke --schema external";
        BenchOptions smoke = new BenchOptions(true, OptionalInt.empty(), command, RecordShape.EXTERNAL_SCHEMA);

        String results = Bench.execute(Bench.all().get(name), smoke, stack, output);

        assertThat(results.lines().findFirst())
                .hasValueSatisfying(title -> assertThat(title).endsWith(", external schema"));
        assertThat(results).contains(RecordShape.EXTERNAL_SCHEMA.sourceFile());
        assertThat(tableRows(results))
                .as("rows of figures")
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsPattern("\\| -?[0-9][0-9,.]* "));
    }

    /** The rows of the results' tables, without their header and separator rows. */
    private static List<String> tableRows(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean header = i + 1 < lines.size() && lines.get(i + 1).startsWith("|-");
            if (lines.get(i).startsWith("| ") && !header) {
                rows.add(lines.get(i));
            }
        }
        return rows;
    }
}
