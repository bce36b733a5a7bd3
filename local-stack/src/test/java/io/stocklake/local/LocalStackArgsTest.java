package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackArgsTest {

    private static final Path PROJECT = Path.of("/project");
    private static final Path STACK = Path.of("/project/stack");

    @Test
    void aPlainRunKeepsItsDataAndKafkaIsNotSecured() {
        LocalStackSettings settings =
                LocalStackArgs.parse(new String[0], PROJECT, STACK).settings();

        assertThat(settings.secure()).isFalse();
        assertThat(settings.wipe()).isFalse();
        assertThat(settings.dataDir()).isEqualTo(PROJECT.resolve(".local-stack"));
    }

    @Test
    void aSecureRunStartsAfreshInADataDirectoryOfItsOwn() {
        LocalStackSettings settings =
                LocalStackArgs.parse(new String[] {"--secure"}, PROJECT, STACK).settings();

        assertThat(settings.secure()).isTrue();
        assertThat(settings.wipe())
                .as("passwords and certificates are made at start")
                .isTrue();
        assertThat(settings.dataDir()).isEqualTo(PROJECT.resolve(".local-stack-secure"));
    }

    @Test
    void aSecureRunTakesTheDataDirectoryItIsGiven() {
        LocalStackSettings settings = LocalStackArgs.parse(
                        new String[] {"--secure", "--data-dir", "/tmp/lake"}, PROJECT, STACK)
                .settings();

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/lake"));
    }

    @Test
    void aCompactionRunKeepsItsMinutePartitionsInADataDirectoryOfItsOwn() {
        LocalStackSettings settings = LocalStackArgs.parse(new String[] {"--compaction"}, PROJECT, STACK)
                .settings();

        assertThat(settings.compaction()).isTrue();
        assertThat(settings.wipe()).isFalse();
        assertThat(settings.dataDir()).isEqualTo(PROJECT.resolve(".local-stack-compaction"));
    }

    @Test
    void aPlainRunDoesNotCompact() {
        assertThat(LocalStackArgs.parse(new String[0], PROJECT, STACK)
                        .settings()
                        .compaction())
                .isFalse();
    }
}
