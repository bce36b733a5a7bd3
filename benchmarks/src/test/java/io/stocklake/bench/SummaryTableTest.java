package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final List<String> ORDER = List.of("source", "sink", "sink-external-schema");
    private static final MachineDescription MACHINE = new MachineDescription(2, 1L << 34, "cpu", "jdk", "os", 1.44);

    @Test
    void aRowNamesItsSectionFigureGoalCommandAndWhen() {
        Report report = report(
                "./bench sink --runs 3", new Headline("JSON lines", "ours ÷ no-op", "≥ 0.85", "0.75 (0.67 – 0.76)"));

        String summary = SummaryTable.parse("", ORDER).with("sink", report).markdown();

        assertThat(summary)
                .isEqualTo(SummaryTable.HEADER + "| `sink` | JSON lines | ours ÷ no-op | ≥ 0.85 |"
                        + " 0.75 (0.67 – 0.76) | `./bench sink --runs 3` | 2026-12-07 (1.4) |\n");
    }

    @Test
    void recordingASectionReplacesOnlyItsRows() {
        String before = SummaryTable.parse("", ORDER)
                .with("sink", report("./bench sink", new Headline("a", "b", "c", "old")))
                .with("source", report("./bench source", new Headline("d", "e", "f", "kept")))
                .markdown();

        String after = SummaryTable.parse(before, ORDER)
                .with(
                        "sink",
                        report(
                                "./bench sink",
                                new Headline("a", "b", "c", "new"),
                                new Headline("g", "h", "–", "added")))
                .markdown();

        assertThat(after.lines().skip(2))
                .hasSize(3)
                .anySatisfy(row -> assertThat(row).contains("| kept |"))
                .anySatisfy(row -> assertThat(row).contains("| new |"))
                .anySatisfy(row -> assertThat(row).contains("| added |"))
                .noneSatisfy(row -> assertThat(row).contains("| old |"));
    }

    @Test
    void rowsFollowTheSectionOrderWhateverOrderTheyWereRecordedIn() {
        String summary = SummaryTable.parse("", ORDER)
                .with("sink-external-schema", report("x", new Headline("third", "", "", "")))
                .with("unknown", report("x", new Headline("last", "", "", "")))
                .with("source", report("x", new Headline("first", "", "", "")))
                .with("sink", report("x", new Headline("second", "", "", "")))
                .markdown();

        assertThat(summary.lines().skip(2).map(row -> row.split(" \\| ")[1]))
                .containsExactly("first", "second", "third", "last");
    }

    @Test
    void aPipeInACellIsEscaped() {
        String summary = SummaryTable.parse("", ORDER)
                .with("source", report("./bench source|sink", new Headline("a|b", "", "", "")))
                .markdown();

        assertThat(summary).contains("| a\\|b |").contains("`./bench source\\|sink`");
    }

    private static Report report(String command, Headline... headlines) {
        ReportHeader header = new ReportHeader("Title", command, Instant.parse("2026-12-07T10:21:14Z"), MACHINE);
        return new Report(header, "## Title\n", List.of(headlines));
    }
}
