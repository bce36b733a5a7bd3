package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GlueEndpointMainTest {
  @Test
  void optionsSetTheConfiguration() {
    GlueEndpointConfig config = GlueEndpointMain.parse(new String[] {
        "--port", "4599", "--data-dir", "catalog", "--access-key", "key", "--secret-key", "secret",
        "--bind", "0.0.0.0", "--catalog-id", "000000000000"});

    assertThat(config.port()).isEqualTo(4599);
    assertThat(config.dataDirectory()).contains(Path.of("catalog"));
    assertThat(config.accessKeyId()).contains("key");
    assertThat(config.secretAccessKey()).contains("secret");
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.catalogId()).isEqualTo("000000000000");
  }

  @Test
  void withoutOptionsItServesLoopbackInMemoryOnTheDefaultPort() {
    GlueEndpointConfig config = GlueEndpointMain.parse(new String[0]);

    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(GlueEndpointMain.DEFAULT_PORT);
    assertThat(config.dataDirectory()).isEmpty();
    assertThat(config.accessKeyId()).isEmpty();
  }

  @Test
  void anUnknownOptionIsRejected() {
    assertThatThrownBy(() -> GlueEndpointMain.parse(new String[] {"--prot", "1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prot");
  }

  @Test
  void theConfigurationNeverShowsTheSecret() {
    GlueEndpointConfig config = GlueEndpointConfig.defaults().withAccessKeyId("key").withSecretAccessKey("s3cr3t");

    assertThat(config.toString()).doesNotContain("s3cr3t");
  }
}
