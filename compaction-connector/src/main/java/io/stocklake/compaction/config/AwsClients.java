package io.stocklake.compaction.config;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The S3 and Glue clients the settings describe. */
public final class AwsClients {

    /** Signed for this region when an endpoint URL is given without one. */
    private static final Region LOCAL_REGION = Region.US_EAST_1;

    private AwsClients() {}

    public static S3Client s3(CompactionConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials(config))
                .httpClientBuilder(ApacheHttpClient.builder())
                .forcePathStyle(config.pathStyleAccess())
                // Checksums only where S3 requires them, as S3-compatible servers expect.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        region(config.s3Region(), config.s3EndpointUrl()).ifPresent(builder::region);
        if (!config.s3EndpointUrl().isEmpty()) {
            builder.endpointOverride(URI.create(config.s3EndpointUrl()));
        }
        return builder.build();
    }

    public static GlueClient glue(CompactionConfig config) {
        GlueClientBuilder builder = GlueClient.builder()
                .credentialsProvider(credentials(config))
                .httpClientBuilder(ApacheHttpClient.builder());
        region(config.glueRegion(), config.glueEndpointUrl()).ifPresent(builder::region);
        if (!config.glueEndpointUrl().isEmpty()) {
            builder.endpointOverride(URI.create(config.glueEndpointUrl()));
        }
        return builder.build();
    }

    private static java.util.Optional<Region> region(String region, String endpoint) {
        if (!region.isBlank()) {
            return java.util.Optional.of(Region.of(region));
        }
        return endpoint.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(LOCAL_REGION);
    }

    private static AwsCredentialsProvider credentials(CompactionConfig config) {
        if (config.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                config.accessKeyId(), config.secretAccessKey().value()));
    }
}
