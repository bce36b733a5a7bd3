package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakeArgsTest {

    private static final Path DATA = Paths.get("/data").toAbsolutePath();

    @Test
    void withoutFlagsTheLakeListensOnLoopbackOnTheRunLocalPorts() {
        LakeSettings settings = LakeArgs.parse(new String[0], Map.of(), DATA);

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.s3Port()).isEqualTo(9000);
        assertThat(settings.gluePort()).isEqualTo(9001);
        assertThat(settings.trinoPort()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(DATA);
    }

    @Test
    void bindFlagOpensTheLakeToOtherHosts() {
        LakeSettings settings =
                LakeArgs.parse(new String[] {"--bind", "0.0.0.0", "--s3-port", "19000"}, Map.of(), DATA);

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.s3Port()).isEqualTo(19000);
    }

    @Test
    void clientsBesideTheLakeReachItOnLoopbackWhateverTheBindAddress() {
        LakeSettings settings = LakeArgs.parse(new String[] {"--bind", "0.0.0.0"}, Map.of(), DATA);

        assertThat(settings.s3Endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(settings.glueEndpoint()).isEqualTo("http://127.0.0.1:9001");
    }

    @Test
    void keysComeFromTheEnvironment() {
        LakeSettings settings = LakeArgs.parse(
                new String[0], Map.of("LAKE_ACCESS_KEY", "lake-key", "LAKE_SECRET_KEY", "lake-secret"), DATA);

        assertThat(settings.accessKey()).isEqualTo("lake-key");
        assertThat(settings.secretKey()).isEqualTo("lake-secret");
    }

    @Test
    void withoutKeysInTheEnvironmentTheRunLocalKeysApply() {
        LakeSettings settings = LakeArgs.parse(new String[0], Map.of(), DATA);

        assertThat(settings.accessKey()).isEqualTo(LocalStackSettings.ACCESS_KEY);
        assertThat(settings.secretKey()).isEqualTo(LocalStackSettings.SECRET_KEY);
    }

    @Test
    void theSecretKeyNeverShowsInTheSettingsText() {
        LakeSettings settings = LakeArgs.parse(new String[0], Map.of("LAKE_SECRET_KEY", "do-not-print"), DATA);

        assertThat(settings.toString()).doesNotContain("do-not-print");
    }

    @Test
    void blankKeyIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> LakeArgs.parse(new String[0], Map.of("LAKE_SECRET_KEY", " "), DATA))
                .hasMessageContaining("LAKE_SECRET_KEY");
    }

    @Test
    void unknownFlagIsRefused() {
        assertThatThrownBy(() -> LakeArgs.parse(new String[] {"--kafka-port", "9092"}, Map.of(), DATA))
                .hasMessageContaining("--kafka-port");
    }
}
