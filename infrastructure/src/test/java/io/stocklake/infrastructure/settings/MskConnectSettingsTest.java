package io.stocklake.infrastructure.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.infrastructure.settings.MskConnectSettings.Authentication;
import io.stocklake.infrastructure.settings.MskConnectSettings.ExistingCluster;
import io.stocklake.infrastructure.settings.MskConnectSettings.NewCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MskConnectSettingsTest {

    private static final String ARN = "arn:aws:kafka:eu-west-1:210987654321:cluster/acme-kafka/0f1e2d3c-4b5a-1";

    @Test
    void theClusterNameIsTheOneInItsArn() {
        assertThat(MskConnectSettings.nameInArn(ARN)).isEqualTo("acme-kafka");
    }

    @Test
    void anArnThatIsNoClusterArnIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MskConnectSettings.nameInArn("arn:aws:kafka:eu-west-1:210987654321:topic/a/x/t"))
                .hasMessageContaining("mskClusterArn");
    }

    @Test
    void anExistingClusterNeedsItsBootstrapBrokers() {
        assertThatThrownBy(() -> existing(new ExistingCluster(ARN, " "), List.of("subnet-1"), List.of("sg-1")))
                .hasMessageContaining("mskBootstrapServers");
    }

    @Test
    void subnetsAndSecurityGroupsAreRequired() {
        ExistingCluster cluster = new ExistingCluster(ARN, "b-1:9098");

        assertThatThrownBy(() -> existing(cluster, List.of(), List.of("sg-1"))).hasMessageContaining("mskSubnetIds");
        assertThatThrownBy(() -> existing(cluster, List.of("subnet-1"), List.of()))
                .hasMessageContaining("mskSecurityGroupIds");
    }

    @Test
    void aClusterTheAppCreatesUsesIam() {
        assertThatThrownBy(() -> new MskConnectSettings(
                        "stocklake",
                        Optional.empty(),
                        Optional.of(new NewCluster("3.9.x", "kafka.t3.small", 100)),
                        List.of("subnet-1"),
                        List.of("sg-1"),
                        Authentication.NONE,
                        "3.7.x",
                        1,
                        1,
                        Path.of("source.zip"),
                        Path.of("sink.zip")))
                .hasMessageContaining("mskAuthentication");
    }

    private static MskConnectSettings existing(ExistingCluster cluster, List<String> subnets, List<String> groups) {
        return new MskConnectSettings(
                "acme-kafka",
                Optional.of(cluster),
                Optional.empty(),
                subnets,
                groups,
                Authentication.IAM,
                "3.7.x",
                1,
                1,
                Path.of("source.zip"),
                Path.of("sink.zip"));
    }
}
