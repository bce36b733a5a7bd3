package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TrinoEngineMainTest {
  private static final String[] REQUIRED = {"--s3-endpoint", "http://127.0.0.1:9000", "--s3-access-key", "s3id",
      "--s3-secret-key", "s3secret", "--glue-endpoint", "http://127.0.0.1:9911"};

  @Test
  void requiredOptionsAloneGiveAthenasCatalogOnPort8080() {
    TrinoEngineConfig config = TrinoEngineMain.parse(REQUIRED);

    assertThat(config.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(config.glueEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9911"));
    assertThat(config.catalogName()).isEqualTo("awsdatacatalog");
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.httpPort()).isEqualTo(8080);
  }

  @Test
  void glueKeysDefaultToTheS3Keys() {
    assertThat(TrinoEngineMain.parse(REQUIRED).glueKeys()).isEqualTo(new AccessKeys("s3id", "s3secret"));
  }

  @Test
  void everyOptionIsApplied() {
    TrinoEngineConfig config = TrinoEngineMain.parse(concat(REQUIRED, "--glue-access-key", "gid",
        "--glue-secret-key", "gsecret", "--region", "eu-west-1", "--catalog", "lake", "--port", "0"));

    assertThat(config.glueKeys()).isEqualTo(new AccessKeys("gid", "gsecret"));
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.catalogName()).isEqualTo("lake");
    assertThat(config.httpPort()).isZero();
  }

  @Test
  void helpAsksForUsage() {
    assertThat(TrinoEngineMain.parse(new String[] {"--help"})).isNull();
  }

  @Test
  void missingRequiredOptionIsNamed() {
    assertThatThrownBy(() -> TrinoEngineMain.parse(new String[] {"--s3-endpoint", "http://127.0.0.1:9000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--s3-access-key");
  }

  @Test
  void glueAccessKeyWithoutSecretIsRefused() {
    assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--glue-access-key", "gid")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--glue-secret-key");
  }

  @Test
  void unknownOptionIsRefused() {
    assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--bind", "0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bind");
  }

  @Test
  void nonNumericPortIsRefused() {
    assertThatThrownBy(() -> TrinoEngineMain.parse(concat(REQUIRED, "--port", "http")))
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
