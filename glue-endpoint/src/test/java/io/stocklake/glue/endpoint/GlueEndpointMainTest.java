package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlueEndpointMainTest {
    private static final Map<String, String> SECRET_IN_ENV = Map.of(GlueEndpointMain.SECRET_ENV, "secret");

    @Test
    void optionsSetTheConfiguration() {
        GlueEndpointConfig config = GlueEndpointMain.parse(
                new String[] {
                    "--port",
                    "4599",
                    "--data-dir",
                    "catalog",
                    "--access-key",
                    "key",
                    "--bind",
                    "0.0.0.0",
                    "--catalog-id",
                    "000000000000",
                    "--region",
                    "eu-west-1",
                    "--fault-admin"
                },
                SECRET_IN_ENV);

        assertThat(config.port()).isEqualTo(4599);
        assertThat(config.dataDirectory()).contains(Path.of("catalog"));
        assertThat(config.credentials()).contains(new GlueCredentials("key", "secret"));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.faultAdmin()).isTrue();
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.catalogId()).isEqualTo("000000000000");
    }

    @Test
    void withoutOptionsItServesLoopbackInMemoryOnTheDefaultPort() {
        GlueEndpointConfig config = GlueEndpointMain.parse(new String[] {"--access-key", "key"}, SECRET_IN_ENV);

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(GlueEndpointMain.DEFAULT_PORT);
        assertThat(config.dataDirectory()).isEmpty();
        assertThat(config.faultAdmin()).isFalse();
    }

    @Test
    void theSecretComesFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("glue-secret"), "from-file\n");

        GlueEndpointConfig config = GlueEndpointMain.parse(
                new String[] {"--access-key", "key", "--secret-key-file", file.toString()}, Map.of());

        assertThat(config.credentials()).contains(new GlueCredentials("key", "from-file"));
    }

    @Test
    void aSecretOnTheCommandLineIsRefused() {
        assertThatThrownBy(() -> GlueEndpointMain.parse(
                        new String[] {"--access-key", "key", "--secret-key", "s3cr3t"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--secret-key-file");
    }

    @Test
    void withoutCredentialsItDoesNotStart() {
        assertThatThrownBy(() -> GlueEndpointMain.parse(new String[] {"--access-key", "key"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(GlueEndpointMain.SECRET_ENV);
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertThatThrownBy(() -> GlueEndpointMain.parse(new String[] {"--prot", "1"}, SECRET_IN_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--prot");
    }

    @Test
    void theConfigurationNeverShowsTheSecret() {
        GlueEndpointConfig config = GlueEndpointConfig.defaults().withCredentials("key", "s3cr3t");

        assertThat(config.toString()).doesNotContain("s3cr3t");
    }
}
