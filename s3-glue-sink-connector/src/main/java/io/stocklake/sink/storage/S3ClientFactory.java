package io.stocklake.sink.storage;

import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.RequestChecksums;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Builds the {@link S3ObjectStore} the settings describe: region, endpoint, credentials, retries. */
public final class S3ClientFactory {

    private S3ClientFactory() {}

    /** @param observers interceptors added to the client, which see every request it sends */
    public static S3ObjectStore objectStore(SinkConfig settings, List<ExecutionInterceptor> observers) {
        StorageConfig config = settings.storage();
        List<AutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider credentials = credentials(settings, resources);
        S3ClientBuilder builder = S3Client.builder()
                .region(AwsRegions.resolve(config.region(), config.endpointUrl(), StorageConfig.S3_REGION))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyleAccess())
                .requestChecksumCalculation(requestChecksums(config.requestChecksums()))
                .responseChecksumValidation(responseChecksums(config.requestChecksums()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(config))
                        .apiCallAttemptTimeout(config.requestTimeout())
                        .executionInterceptors(observers));
        if (!config.endpointUrl().isEmpty()) {
            builder.endpointOverride(URI.create(config.endpointUrl()));
        }
        return new S3ObjectStore(
                builder.build(), config.bucket(), config.partSize(), config.sse(), config.sseKmsKeyId(), resources);
    }

    static RequestChecksumCalculation requestChecksums(RequestChecksums setting) {
        return switch (setting) {
            case WHEN_SUPPORTED -> RequestChecksumCalculation.WHEN_SUPPORTED;
            case WHEN_REQUIRED -> RequestChecksumCalculation.WHEN_REQUIRED;
        };
    }

    static ResponseChecksumValidation responseChecksums(RequestChecksums setting) {
        return switch (setting) {
            case WHEN_SUPPORTED -> ResponseChecksumValidation.WHEN_SUPPORTED;
            case WHEN_REQUIRED -> ResponseChecksumValidation.WHEN_REQUIRED;
        };
    }

    /**
     * The SDK's standard AWS conditions (throttling such as 503 SlowDown, 5xx, I/O errors and attempt
     * timeouts) with exponential backoff and full jitter. No circuit breaker: a long S3 brown-out should
     * slow the task down, not turn retries off.
     */
    static RetryStrategy retryStrategy(StorageConfig config) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(config.retryBackoff(), config.retryMaxBackoff());
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.retryMaxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * The credentials the aws.* settings describe, for S3 and the Glue catalog alike; what must be closed with
     * the client (an STS client) is added to {@code resources}.
     */
    public static AwsCredentialsProvider credentials(SinkConfig settings, List<AutoCloseable> resources) {
        CredentialsConfig config = settings.credentials();
        AwsCredentialsProvider base = config.accessKeyId().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.accessKeyId(), config.secretAccessKey().value()));
        if (config.stsRoleArn().isEmpty()) {
            return base;
        }
        StsClient sts = StsClient.builder()
                .region(AwsRegions.resolve(settings.storage().region(), "", StorageConfig.S3_REGION))
                .credentialsProvider(base)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        resources.add(sts);
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(config.stsRoleArn()).roleSessionName(config.stsRoleSessionName());
                    if (!config.stsRoleExternalId().isEmpty()) {
                        r.externalId(config.stsRoleExternalId());
                    }
                })
                .build();
        resources.add(0, assumed);
        return assumed;
    }
}
