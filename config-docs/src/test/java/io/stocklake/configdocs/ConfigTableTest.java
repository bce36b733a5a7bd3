package io.stocklake.configdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTableTest {

    private static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        def.define(
                "b.second",
                Type.INT,
                5,
                ConfigDef.Range.atLeast(1),
                Importance.LOW,
                "Second | of B.",
                "B",
                2,
                Width.SHORT,
                "Second");
        def.define(
                "a.only",
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                Importance.HIGH,
                "Only of A.",
                "A",
                1,
                Width.SHORT,
                "Only");
        def.define("b.first", Type.LIST, List.of(), Importance.MEDIUM, "First of B.", "B", 1, Width.SHORT, "First");
        def.define("b.secret", Type.PASSWORD, "", Importance.MEDIUM, "Secret of B.", "B", 3, Width.SHORT, "Secret");
        return def;
    }

    @Test
    void listsGroupsAsDefinedAndKeysInTheirOrderWithinTheGroup() {
        assertThat(ConfigTable.markdown(def())).isEqualTo("""

                #### B

                | Key | Type | Default | Valid values | Importance | Description |
                |---|---|---|---|---|---|
                | `b.first` | list | "" |  | medium | First of B. |
                | `b.second` | int | `5` | [1,...] | low | Second \\| of B. |
                | `b.secret` | password | "" |  | medium | Secret of B. |

                #### A

                | Key | Type | Default | Valid values | Importance | Description |
                |---|---|---|---|---|---|
                | `a.only` | string | (required) |  | high | Only of A. |

                """);
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "intro\n" + ConfigTable.BEGIN + "\nold\n" + ConfigTable.END + "\noutro\n";

        String updated = ConfigTable.replaceSection(readme, "new\n");

        assertThat(updated).isEqualTo("intro\n" + ConfigTable.BEGIN + "\nnew\n" + ConfigTable.END + "\noutro\n");
        assertThat(ConfigTable.section(updated)).isEqualTo("new\n");
    }

    @Test
    void refusesAReadmeWithoutTheMarkers() {
        assertThatThrownBy(() -> ConfigTable.section("no table here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigTable.BEGIN);
    }

    @Test
    void aCurrentReadmePasses(@TempDir Path dir) throws IOException {
        Path readme = Files.writeString(
                dir.resolve("README.md"),
                "intro\n" + ConfigTable.BEGIN + "\n" + ConfigTable.markdown(def()) + ConfigTable.END + "\n");

        ConfigTable.checkReadme(readme, def(), "some-module", ConfigTableTest.class);
    }

    @Test
    void aStaleReadmeFailsWithTheCommandThatRegeneratesIt(@TempDir Path dir) throws IOException {
        Path readme = Files.writeString(
                dir.resolve("README.md"), "intro\n" + ConfigTable.BEGIN + "\nold\n" + ConfigTable.END + "\n");

        assertThatThrownBy(() -> ConfigTable.checkReadme(readme, def(), "some-module", ConfigTableTest.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-pl some-module -am test -Dtest=ConfigTableTest")
                .hasMessageContaining("-Dconfig.table.write=true");
    }
}
