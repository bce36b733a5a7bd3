package io.stocklake.infrastructure.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.infrastructure.settings.LakeSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsOverlayTest {

    @Test
    void theSinkIsPointedAtTheLake() {
        LakeSettings lake = new LakeSettings("acme-ticks", "lake", "acme_market", Optional.empty(), false, 1);

        assertThat(AwsOverlay.sink(lake, "eu-west-1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "s3.bucket.name",
                        "acme-ticks",
                        "s3.region",
                        "eu-west-1",
                        "topics.dir",
                        "lake",
                        "glue.database",
                        "acme_market"));
    }

    @Test
    void aKmsLakeHasTheSinkEncryptWithItsKey() {
        LakeSettings lake = new LakeSettings("acme-ticks", "lake", "acme_market", Optional.of("arn:key"), false, 1);

        assertThat(AwsOverlay.sink(lake, "eu-west-1"))
                .containsEntry("s3.sse", "aws:kms")
                .containsEntry("s3.sse.kms.key.id", "arn:key");
    }

    @Test
    void partitionProjectionIsDeclaredByTheSinkOnTheTableItCreates() {
        LakeSettings lake = new LakeSettings("acme-ticks", "lake", "acme_market", Optional.empty(), true, 1);

        assertThat(AwsOverlay.sink(lake, "eu-west-1")).containsEntry("glue.partition.projection.enabled", "true");
    }

    @Test
    void theSourceKeepsItsShippedConfig() {
        assertThat(AwsOverlay.source()).isEmpty();
    }
}
