package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.storage.AwsRegions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/** Builds the GlueClient the settings describe: region, endpoint, the sink's AWS credentials, retries. */
final class GlueClientFactory {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private GlueClientFactory() {}

    /**
     * The SDK's standard AWS conditions (ThrottlingException, 5xx such as ServiceUnavailable and
     * InternalService, I/O errors, attempt timeouts) with exponential backoff and full jitter. No circuit
     * breaker: a long brown-out should slow registration down, not turn retries off.
     */
    static GlueClient client(
            CatalogConfig settings,
            AwsCredentialsProvider credentials,
            GlueMetrics metrics,
            List<ExecutionInterceptor> observers) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.retryBackoff(), settings.retryMaxBackoff());
        List<ExecutionInterceptor> interceptors = new ArrayList<>(observers);
        interceptors.add(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                metrics.call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        });
        GlueClientBuilder builder = GlueClient.builder()
                .region(AwsRegions.resolve(settings.region(), settings.endpointUrl(), settings.regionKey()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.retryMaxAttempts())
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)
                                .circuitBreakerEnabled(false)
                                .build())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .executionInterceptors(interceptors));
        if (!settings.endpointUrl().isEmpty()) {
            builder.endpointOverride(URI.create(settings.endpointUrl()));
        }
        return builder.build();
    }
}
