package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.CredentialsConfig;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;

/**
 * Tells the Glue failures no retry can mend (refused credentials, denied access) from the passing ones
 * (ThrottlingException, 5xx, timeouts, resets), and names the setting to change. A missing table or database is
 * not judged here: whether it may be created depends on the sink's settings (see {@link GlueTables}).
 */
final class GlueFailures {

    private static final Set<String> REFUSED_CREDENTIALS = Set.of(
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "IncompleteSignature",
            "MissingAuthenticationToken",
            "InvalidClientTokenId");
    private static final String CREDENTIAL_KEYS = CredentialsConfig.AWS_ACCESS_KEY_ID + "/"
            + CredentialsConfig.AWS_SECRET_ACCESS_KEY + " (or the default credentials chain when they are empty, and "
            + CredentialsConfig.AWS_STS_ROLE_ARN + ")";

    private GlueFailures() {}

    /** Why {@code failure} cannot succeed on retry, naming the setting to change; null when a retry may. */
    static String permanentCause(SdkException failure) {
        if (failure instanceof SdkClientException
                && failure.getMessage() != null
                && failure.getMessage().startsWith("Unable to load credentials")) {
            return "no AWS credentials could be found: set " + CREDENTIAL_KEYS;
        }
        if (!(failure instanceof AwsServiceException aws)) {
            return null;
        }
        String code =
                aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
        if (code != null && REFUSED_CREDENTIALS.contains(code)) {
            return "Glue refused the credentials (" + code + "): check " + CREDENTIAL_KEYS + ", and "
                    + CatalogConfig.GLUE_REGION + "/" + CatalogConfig.GLUE_ENDPOINT_URL;
        }
        if (aws instanceof AccessDeniedException || "AccessDeniedException".equals(code) || aws.statusCode() == 403) {
            return "Glue denied access (" + (code == null ? "403" : code) + "): grant the credentials ("
                    + CREDENTIAL_KEYS + ") glue:GetTable, glue:CreateTable, glue:UpdateTable, glue:CreateDatabase, "
                    + "glue:BatchGetPartition and glue:BatchCreatePartition on the database, or check "
                    + CatalogConfig.GLUE_CATALOG_ID;
        }
        return null;
    }
}
