package io.stocklake.sink.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.StorageConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

class AwsRegionsTest {

    @Test
    void theConfiguredRegionWins() {
        assertThat(AwsRegions.resolve(" eu-west-1 ", "", StorageConfig.S3_REGION))
                .isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void anS3CompatibleServerWithoutARegionFollowsTheSdkSettingsThenUsEast1() {
        Region fromSettings;
        try {
            fromSettings = new AwsRegionProviderChain(
                            new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (RuntimeException none) {
            fromSettings = Region.US_EAST_1;
        }

        assertThat(AwsRegions.resolve("", "http://127.0.0.1:9000", StorageConfig.S3_REGION))
                .isEqualTo(fromSettings);
    }
}
