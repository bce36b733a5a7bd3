package io.stocklake.sink.storage;

import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.StorageConfig;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Tells the S3 failures no retry can mend (a missing bucket, refused credentials, a wrong region, an unusable KMS
 * key) from the passing ones (throttling, 5xx, timeouts, connection resets), and names the setting to change. Only
 * answers S3 gives for the bucket or the caller as a whole count as permanent; anything else may pass.
 */
public final class S3Failures {

    private static final Set<String> REFUSED_CREDENTIALS =
            Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "InvalidSecurity");
    private static final Set<String> WRONG_REGION =
            Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");
    private static final String CREDENTIAL_KEYS = CredentialsConfig.AWS_ACCESS_KEY_ID + "/"
            + CredentialsConfig.AWS_SECRET_ACCESS_KEY + " (or the default credentials chain when they are empty, and "
            + CredentialsConfig.AWS_STS_ROLE_ARN + ")";

    private S3Failures() {}

    /**
     * Why {@code failure} (or an exception it was caused by) cannot succeed on retry, naming the setting to change;
     * null when a retry may succeed.
     */
    public static String permanentCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException aws) {
                return ofService(aws);
            }
            if (t instanceof SdkClientException client
                    && client.getMessage() != null
                    && client.getMessage().startsWith("Unable to load credentials")) {
                return "no AWS credentials could be found: set " + CREDENTIAL_KEYS;
            }
            if (t instanceof SdkException) {
                return null;
            }
        }
        return null;
    }

    private static String ofService(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return "the bucket does not exist: check " + StorageConfig.S3_BUCKET_NAME + " (or create the bucket)";
        }
        if ("InvalidBucketName".equals(code)) {
            return "the bucket name is invalid: check " + StorageConfig.S3_BUCKET_NAME;
        }
        if (status == 301 || (code != null && WRONG_REGION.contains(code))) {
            String region = bucketRegion(e);
            return "the bucket is in " + (region == null ? "another region" : "region " + region) + ": set "
                    + StorageConfig.S3_REGION + (region == null ? "" : "=" + region);
        }
        if (code != null && code.startsWith("KMS.")) {
            return "S3 cannot use the KMS key (" + code + "): check " + StorageConfig.S3_SSE_KMS_KEY_ID
                    + " and the key's policy";
        }
        if (code != null && REFUSED_CREDENTIALS.contains(code)) {
            return "S3 refused the credentials (" + code + "): check " + CREDENTIAL_KEYS;
        }
        if (status == 403 && !"RequestTimeTooSkewed".equals(code)) {
            return "S3 denied access to the bucket (" + (code == null ? "403" : code) + "): check "
                    + StorageConfig.S3_BUCKET_NAME + " and grant the credentials (" + CREDENTIAL_KEYS
                    + ") s3:ListBucket, s3:GetObject, s3:PutObject and s3:AbortMultipartUpload on it";
        }
        return null;
    }

    /** The region S3 names in a redirect or a region error, if any. */
    private static String bucketRegion(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
            return e.awsErrorDetails()
                    .sdkHttpResponse()
                    .firstMatchingHeader("x-amz-bucket-region")
                    .orElse(null);
        }
        return null;
    }
}
