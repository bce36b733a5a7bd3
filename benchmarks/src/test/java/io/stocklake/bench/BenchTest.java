package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.stack.BenchStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

    @TempDir
    Path dir;

    @Test
    void recordingABenchmarkWritesItsSectionAndItsRowsOfTheSummary() throws Exception {
        Path output = dir.resolve("BENCHMARKS.md");
        Files.writeString(
                output,
                "# Benchmarks\n\n<!-- bench:summary:begin -->\n" + SummaryTable.HEADER
                        + "| `source` | kept | a | b | c | `./bench source` | 2026-11-24 (3.6) |\n"
                        + "| `sink` | replaced | a | b | c | `./bench sink` | 2026-11-24 (3.6) |\n"
                        + "<!-- bench:summary:end -->\n\ntext kept\n");
        BenchOptions options = new BenchOptions(false, OptionalInt.empty(), "./bench sink");

        try (BenchStack stack = new BenchStack("unused")) {
            Bench.execute(
                    new Fixed("sink", new Headline("JSON lines", "ours ÷ no-op", "≥ 0.85", "0.80")),
                    options,
                    stack,
                    output);
        }

        String text = Files.readString(output);
        assertThat(text)
                .contains("<!-- bench:sink:begin -->\n## Fixed\n<!-- bench:sink:end -->")
                .contains("| `source` | kept |")
                .doesNotContain("replaced")
                .contains("| `sink` | JSON lines | ours ÷ no-op | ≥ 0.85 | 0.80 | `./bench sink` | 2026-12-07 (1.5) |")
                .contains("text kept");
        assertThat(text.indexOf("| `source`")).isLessThan(text.indexOf("| `sink`"));
    }

    @Test
    void aSmokeRunRecordsNothing() throws Exception {
        Path output = dir.resolve("BENCHMARKS.md");
        Files.writeString(output, "# Benchmarks\n");
        BenchOptions smoke = new BenchOptions(true, OptionalInt.empty(), "./bench sink --smoke");

        try (BenchStack stack = new BenchStack("unused")) {
            Bench.execute(new Fixed("sink", new Headline("a", "b", "c", "d")), smoke, stack, output);
        }

        assertThat(Files.readString(output)).isEqualTo("# Benchmarks\n");
    }

    @Test
    void sectionsFollowTheBenchmarksWithTheExternalSchemaSectionsBesideTheirDefaults() {
        assertThat(Bench.sections())
                .startsWith(
                        "source",
                        "source-external-schema",
                        "sink",
                        "sink-external-schema",
                        "peer",
                        "peer-external-schema")
                .contains("freshness", "memory", "glue-calls", "analytics", "jmh");
    }

    /** A benchmark that measures nothing and returns what it was given. */
    private record Fixed(String name, Headline headline) implements Benchmark {

        @Override
        public String summary() {
            return "fixed results";
        }

        @Override
        public Report run(BenchOptions options, BenchStack stack, Progress progress) {
            MachineDescription machine = new MachineDescription(2, 1L << 34, "cpu", "jdk", "os", 1.5);
            ReportHeader header =
                    new ReportHeader("Fixed", options.command(), Instant.parse("2026-12-07T10:00:00Z"), machine);
            return new Report(header, "## Fixed", List.of(headline));
        }
    }
}
