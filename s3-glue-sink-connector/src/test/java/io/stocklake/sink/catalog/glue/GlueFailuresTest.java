package io.stocklake.sink.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.CredentialsConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InternalServiceException;
import software.amazon.awssdk.services.glue.model.OperationTimeoutException;

/** Which Glue failures no retry can mend, with the SDK's own exception types. */
class GlueFailuresTest {

    private static GlueException glue(int status, String code) {
        return (GlueException) GlueException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code)
                        .build())
                .build();
    }

    @Test
    void refusedCredentialsNameTheCredentialSettings() {
        assertThat(GlueFailures.permanentCause(glue(400, "UnrecognizedClientException")))
                .contains(CredentialsConfig.AWS_ACCESS_KEY_ID);
        assertThat(GlueFailures.permanentCause(glue(400, "InvalidSignatureException")))
                .contains(CredentialsConfig.AWS_SECRET_ACCESS_KEY);
        assertThat(GlueFailures.permanentCause(SdkClientException.create(
                        "Unable to load credentials from any of " + "the providers in the chain")))
                .contains(CredentialsConfig.AWS_ACCESS_KEY_ID);
    }

    @Test
    void deniedAccessNamesThePermissions() {
        assertThat(GlueFailures.permanentCause(
                        AccessDeniedException.builder().statusCode(400).build()))
                .contains("glue:BatchCreatePartition");
    }

    @Test
    void throttlingServerErrorsAndTimeoutsMayPass() {
        assertThat(GlueFailures.permanentCause(glue(400, "ThrottlingException")))
                .isNull();
        assertThat(GlueFailures.permanentCause(
                        InternalServiceException.builder().statusCode(500).build()))
                .isNull();
        assertThat(GlueFailures.permanentCause(
                        OperationTimeoutException.builder().statusCode(400).build()))
                .isNull();
        assertThat(GlueFailures.permanentCause(SdkClientException.create("Unable to execute HTTP request")))
                .isNull();
    }
}
