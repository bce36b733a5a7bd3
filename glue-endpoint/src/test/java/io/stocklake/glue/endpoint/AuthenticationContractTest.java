package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;

/** SigV4 as Glue checks it: the access key must be the configured one, the signature must match the secret. */
class AuthenticationContractTest {
  private final LocalGlue local = LocalGlue.start(GlueEndpointConfig.defaults()
      .withAccessKeyId(LocalGlue.ACCESS_KEY).withSecretAccessKey(LocalGlue.SECRET_KEY));

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void requestsSignedWithTheConfiguredKeyAreServed() {
    local.createDatabase("market");

    assertThat(local.glue.getDatabases(r -> { }).databaseList()).hasSize(1);
  }

  @Test
  void anUnknownAccessKeyIsAnUnrecognizedClient() {
    try (GlueClient stranger = local.client("someone-else", LocalGlue.SECRET_KEY)) {
      assertThatThrownBy(() -> stranger.getDatabases(r -> { }))
          .isInstanceOfSatisfying(GlueException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.statusCode()).isEqualTo(400);
          });
    }
  }

  @Test
  void aWrongSecretIsAnInvalidSignature() {
    try (GlueClient forger = local.client(LocalGlue.ACCESS_KEY, "not-the-secret")) {
      assertThatThrownBy(() -> forger.getDatabases(r -> { }))
          .isInstanceOfSatisfying(GlueException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
    }
  }

  @Test
  void anUnsignedRequestIsRefused() {
    HttpResponse<String> response = local.raw("AWSGlue.GetDatabases", "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("MissingAuthenticationTokenException");
  }
}
