package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrinoEngineMainTest {
    private static final String[] REQUIRED = {
        "--s3-endpoint", "http://127.0.0.1:9000", "--s3-access-key", "s3id", "--glue-endpoint", "http://127.0.0.1:9911"
    };
    private static final Map<String, String> S3_SECRET = Map.of(TrinoEngineMain.S3_SECRET_ENV, "s3secret");

    @TempDir
    Path dir;

    @Test
    void requiredOptionsAloneGiveAthenasCatalogOnPort8080() {
        TrinoEngineConfig config = TrinoEngineMain.parse(REQUIRED, S3_SECRET);

        assertThat(config.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(config.glueEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9911"));
        assertThat(config.catalogName()).isEqualTo("awsdatacatalog");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void theS3SecretComesFromTheEnvironment() {
        assertThat(TrinoEngineMain.parse(REQUIRED, S3_SECRET).s3Keys()).isEqualTo(new AccessKeys("s3id", "s3secret"));
    }

    @Test
    void aSecretKeyFileWinsOverTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("s3.secret"), "from-file\n");

        TrinoEngineConfig config =
                TrinoEngineMain.parse(concat(REQUIRED, "--s3-secret-key-file", file.toString()), S3_SECRET);

        assertThat(config.s3Keys()).isEqualTo(new AccessKeys("s3id", "from-file"));
    }

    @Test
    void glueKeysDefaultToTheS3Keys() {
        assertThat(TrinoEngineMain.parse(REQUIRED, S3_SECRET).glueKeys()).isEqualTo(new AccessKeys("s3id", "s3secret"));
    }

    @Test
    void everyOptionIsApplied() throws IOException {
        Path glueSecret = Files.writeString(dir.resolve("glue.secret"), "gsecret");

        TrinoEngineConfig config = TrinoEngineMain.parse(
                concat(
                        REQUIRED,
                        "--glue-access-key",
                        "gid",
                        "--glue-secret-key-file",
                        glueSecret.toString(),
                        "--region",
                        "eu-west-1",
                        "--catalog",
                        "lake",
                        "--port",
                        "0"),
                S3_SECRET);

        assertThat(config.glueKeys()).isEqualTo(new AccessKeys("gid", "gsecret"));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.catalogName()).isEqualTo("lake");
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void theGlueSecretComesFromItsOwnEnvironmentVariable() {
        TrinoEngineConfig config = TrinoEngineMain.parse(
                concat(REQUIRED, "--glue-access-key", "gid"),
                Map.of(TrinoEngineMain.S3_SECRET_ENV, "s3secret", TrinoEngineMain.GLUE_SECRET_ENV, "gsecret"));

        assertThat(config.glueKeys()).isEqualTo(new AccessKeys("gid", "gsecret"));
    }

    @Test
    void aSecretKeyOnTheCommandLineIsRefusedNamingWhereItBelongs() {
        assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--s3-secret-key", "s3secret"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--s3-secret-key-file")
                .hasMessageContaining(TrinoEngineMain.S3_SECRET_ENV)
                .hasMessageNotContaining("s3secret");
        assertThatThrownBy(() -> TrinoEngineMain.parse(
                        concat(REQUIRED, "--glue-access-key", "gid", "--glue-secret-key", "gsecret"), S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--glue-secret-key-file")
                .hasMessageContaining(TrinoEngineMain.GLUE_SECRET_ENV)
                .hasMessageNotContaining("gsecret");
    }

    @Test
    void helpAsksForUsage() {
        assertThat(TrinoEngineMain.parse(new String[] {"--help"}, Map.of())).isNull();
    }

    @Test
    void missingRequiredOptionIsNamed() {
        assertThatThrownBy(
                        () -> TrinoEngineMain.parse(new String[] {"--s3-endpoint", "http://127.0.0.1:9000"}, S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--s3-access-key");
    }

    @Test
    void missingS3SecretNamesTheFileOptionAndTheVariable() {
        assertThatThrownBy(() -> TrinoEngineMain.parse(REQUIRED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--s3-secret-key-file")
                .hasMessageContaining(TrinoEngineMain.S3_SECRET_ENV);
    }

    @Test
    void glueAccessKeyWithoutSecretIsRefused() {
        assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--glue-access-key", "gid"), S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--glue-secret-key-file")
                .hasMessageContaining(TrinoEngineMain.GLUE_SECRET_ENV);
    }

    @Test
    void anUnreadableSecretKeyFileIsNamed() {
        Path missing = dir.resolve("missing.secret");

        assertThatThrownBy(() ->
                        TrinoEngineMain.parse(concat(REQUIRED, "--s3-secret-key-file", missing.toString()), S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--bind", "0.0.0.0"), S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bind");
    }

    @Test
    void nonNumericPortIsRefused() {
        assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--port", "http"), S3_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
