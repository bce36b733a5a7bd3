package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TrinoEngineConfigTest {
    private static final AccessKeys KEYS = new AccessKeys("id", "very-secret");
    private static final URI S3 = URI.create("http://127.0.0.1:9000");
    private static final URI GLUE = URI.create("http://127.0.0.1:9911");

    @Test
    void defaultsToAthenasCatalogNameAndAnyFreePort() {
        TrinoEngineConfig config = TrinoEngineConfig.of(S3, KEYS, GLUE, KEYS);

        assertThat(config.catalogName()).isEqualTo("awsdatacatalog");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void refusesAnEndpointThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> TrinoEngineConfig.of(URI.create("s3://bucket"), KEYS, GLUE, KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3Endpoint");
    }

    @Test
    void refusesACatalogNameTrinoWouldNotKeepAsGiven() {
        assertThatThrownBy(() -> TrinoEngineConfig.of(S3, KEYS, GLUE, KEYS).withCatalogName("AwsDataCatalog"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalogName");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatThrownBy(() -> TrinoEngineConfig.of(S3, KEYS, GLUE, KEYS).withHttpPort(65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpPort");
    }

    @Test
    void neverShowsSecrets() {
        assertThat(TrinoEngineConfig.of(S3, KEYS, GLUE, KEYS).toString())
                .doesNotContain("very-secret")
                .contains("id");
    }
}
