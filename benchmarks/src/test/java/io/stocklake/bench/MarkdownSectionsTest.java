package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSectionsTest {

    @TempDir
    Path dir;

    @Test
    void firstSectionCreatesTheFileWithItsHeader() throws IOException {
        Path file = dir.resolve("BENCHMARKS.md");

        new MarkdownSections(file).put("source", "## Source\n\nfigures");

        assertThat(Files.readString(file))
                .startsWith("# Benchmarks")
                .contains("<!-- bench:source:begin -->\n## Source\n\nfigures\n<!-- bench:source:end -->");
    }

    @Test
    void rewritingASectionReplacesOnlyThatSection() throws IOException {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Notes\n\nkept\n");
        MarkdownSections sections = new MarkdownSections(file);
        sections.put("source", "old source");
        sections.put("sink", "sink figures");

        sections.put("source", "new source");

        assertThat(Files.readString(file))
                .isEqualTo("# Notes\n\nkept\n\n<!-- bench:source:begin -->\nnew source\n<!-- bench:source:end -->\n\n"
                        + "<!-- bench:sink:begin -->\nsink figures\n<!-- bench:sink:end -->\n");
    }

    @Test
    void aSectionReadsBackAsItsBody() {
        MarkdownSections sections = new MarkdownSections(dir.resolve("BENCHMARKS.md"));
        sections.put("sink", "sink figures\n");

        assertThat(sections.get("sink")).hasValue("sink figures");
        assertThat(sections.get("source")).isEmpty();
    }
}
