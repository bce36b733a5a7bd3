package io.stocklake.configdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSectionTest {

    private static final ReadmeSection SECTION = new ReadmeSection("migration");

    private static String readme(String content) {
        return "# T\n\n" + SECTION.begin() + "\n" + content + SECTION.end() + "\n\nAfter.\n";
    }

    @Test
    void currentSectionIsTheTextBetweenTheMarkers() {
        assertThat(SECTION.current(readme("| a |\n"))).isEqualTo("| a |\n");
    }

    @Test
    void replacingKeepsTheTextAround() {
        assertThat(SECTION.replace(readme("old\n"), "new\n")).isEqualTo(readme("new\n"));
    }

    @Test
    void aStaleSectionFailsWithTheCommandThatRegeneratesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("README.md");
        Files.writeString(file, readme("old\n"));

        assertThatThrownBy(() -> SECTION.check(file, "new\n", "some-module", ReadmeSectionTest.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-pl some-module")
                .hasMessageContaining("-Dtest=" + ReadmeSectionTest.class.getName());
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> SECTION.current("# nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
