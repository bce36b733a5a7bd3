package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;

/**
 * SigV4 as Glue checks it: signed by the AWS SDK with the configured key pair, now, for this region and service,
 * over the body as received. Refusals come in Glue's error shape.
 */
class AuthenticationContractTest {
    private static final String CREATE_MARKET = "{\"DatabaseInput\":{\"Name\":\"market\"}}";
    private static final String CREATE_INTRUDER = "{\"DatabaseInput\":{\"Name\":\"intruder\"}}";

    private final LocalGlue local =
            LocalGlue.start(GlueEndpointConfig.defaults().withCredentials(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY));
    private final SigV4Requests signer = SigV4Requests.as(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY);

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void requestsSignedWithTheConfiguredKeyAreServed() {
        local.createDatabase("market");

        assertThat(local.glue.getDatabases(r -> {}).databaseList()).hasSize(1);
    }

    @Test
    void aRequestSignedByTheSdkSignerOutsideTheClientIsServed() {
        HttpResponse<String> response = local.raw(signer.glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(local.glue.getDatabases(r -> {}).databaseList()).hasSize(1);
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (GlueClient stranger = local.client("someone-else", LocalGlue.SECRET_KEY)) {
            assertThatThrownBy(() -> stranger.getDatabases(r -> {})).isInstanceOfSatisfying(GlueException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.statusCode()).isEqualTo(400);
            });
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (GlueClient forger = local.client(LocalGlue.ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> forger.getDatabases(r -> {})).isInstanceOfSatisfying(GlueException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }

    @Test
    void aDayOldSignatureIsRefused() {
        Clock yesterday = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));

        HttpResponse<String> response = local.raw(signer.signedAt(yesterday)
                .glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .build());

        assertRefused(response, "InvalidSignatureException", "Signature expired");
    }

    @Test
    void aSignatureFromSixteenMinutesAheadIsRefused() {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));

        HttpResponse<String> response = local.raw(signer.signedAt(ahead)
                .glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .build());

        assertRefused(response, "InvalidSignatureException", "not yet current");
    }

    @Test
    void aTamperedBodyIsRefused() {
        HttpRequest tampered = signer.glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .POST(HttpRequest.BodyPublishers.ofString(CREATE_INTRUDER))
                .build();

        assertRefused(local.raw(tampered), "InvalidSignatureException", "does not match");
        assertThat(local.glue.getDatabases(r -> {}).databaseList()).isEmpty();
    }

    @Test
    void aTamperedBodyWithTheSignedBodysHashInAHeaderIsRefused() throws Exception {
        String signedBodyHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(CREATE_MARKET.getBytes(StandardCharsets.UTF_8)));
        HttpRequest tampered = signer.glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .header("X-Amz-Content-Sha256", signedBodyHash)
                .POST(HttpRequest.BodyPublishers.ofString(CREATE_INTRUDER))
                .build();

        assertRefused(local.raw(tampered), "InvalidSignatureException", "does not match");
        assertThat(local.glue.getDatabases(r -> {}).databaseList()).isEmpty();
    }

    @Test
    void aSignatureScopedToAnotherRegionIsRefused() {
        HttpResponse<String> response = local.raw(signer.scopedTo("eu-west-1", "glue")
                .glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .build());

        assertRefused(response, "InvalidSignatureException", "region");
    }

    @Test
    void aSignatureScopedToAnotherServiceIsRefused() {
        HttpResponse<String> response = local.raw(signer.scopedTo("us-east-1", "s3")
                .glue(local.endpoint.uri(), "CreateDatabase", CREATE_MARKET)
                .build());

        assertRefused(response, "InvalidSignatureException", "service");
    }

    @Test
    void aSignatureThatLeavesTheTargetUnsignedIsRefused() {
        // Signed without X-Amz-Target, which is added afterwards: the signature would fit any action.
        HttpRequest request = signer.post(
                        local.endpoint.uri().resolve("/"),
                        Map.of("Content-Type", "application/x-amz-json-1.1"),
                        CREATE_MARKET)
                .header("X-Amz-Target", "AWSGlue.CreateDatabase")
                .build();

        assertRefused(local.raw(request), "IncompleteSignatureException", "x-amz-target");
    }

    @Test
    void anUnsignedRequestIsRefused() {
        HttpResponse<String> response = local.raw("AWSGlue.GetDatabases", "{}");

        assertRefused(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void anAccessKeyAloneIsNotAConfiguration() {
        assertThatThrownBy(() -> GlueEndpointConfig.defaults().withCredentials(LocalGlue.ACCESS_KEY, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret access key");
    }

    private static void assertRefused(HttpResponse<String> response, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains(code);
        assertThat(response.body()).contains("\"__type\":\"" + code + "\"").contains(message);
    }
}
