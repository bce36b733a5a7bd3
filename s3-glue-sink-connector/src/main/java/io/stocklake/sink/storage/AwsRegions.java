package io.stocklake.sink.storage;

import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The region a client signs for: the configured one, else the AWS SDK's region chain (the {@code aws.region}
 * system property, {@code AWS_REGION}, the profile, then container or instance metadata), as every AWS tool finds
 * it. An S3-compatible server (an endpoint override) mostly ignores the region: its chain skips the instance
 * metadata, which off AWS only costs time, and ends in {@value #COMPATIBLE_SERVER_REGION}.
 */
public final class AwsRegions {

    /** What S3-compatible servers expect when a client names no region. */
    static final String COMPATIBLE_SERVER_REGION = "us-east-1";

    private AwsRegions() {}

    /**
     * @param configured  the region setting, empty for none
     * @param endpointUrl the endpoint override, empty for AWS itself
     * @param key         the setting to name when no region can be found
     */
    public static Region resolve(String configured, String endpointUrl, String key) {
        if (!configured.isBlank()) {
            return Region.of(configured.trim());
        }
        AwsRegionProvider chain = endpointUrl.isBlank()
                ? DefaultAwsRegionProviderChain.builder().build()
                : new AwsRegionProviderChain(
                        new SystemSettingsRegionProvider(),
                        new AwsProfileRegionProvider(),
                        () -> Region.of(COMPATIBLE_SERVER_REGION));
        try {
            return chain.getRegion();
        } catch (SdkClientException e) {
            throw new ConfigException(
                    key,
                    configured,
                    "no region is set and the AWS SDK's region chain found none "
                            + "(aws.region, AWS_REGION, profile, instance metadata): set " + key);
        }
    }
}
