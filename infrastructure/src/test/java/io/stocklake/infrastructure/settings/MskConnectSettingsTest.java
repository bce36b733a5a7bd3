package io.stocklake.infrastructure.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.infrastructure.settings.MskConnectSettings.Authentication;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MskConnectSettingsTest {

    private static final String ARN = "arn:aws:kafka:eu-west-1:210987654321:cluster/acme-kafka/0f1e2d3c-4b5a-1";

    @Test
    void theClusterNameComesFromItsArn() {
        assertThat(settings(ARN, List.of("subnet-1"), List.of("sg-1")).clusterName()).isEqualTo("acme-kafka");
    }

    @Test
    void anArnThatIsNoClusterArnIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> settings("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/x/t",
                List.of("subnet-1"), List.of("sg-1"))).hasMessageContaining("mskClusterArn");
    }

    @Test
    void subnetsAndSecurityGroupsAreRequired() {
        assertThatThrownBy(() -> settings(ARN, List.of(), List.of("sg-1"))).hasMessageContaining("mskSubnetIds");
        assertThatThrownBy(() -> settings(ARN, List.of("subnet-1"), List.of()))
                .hasMessageContaining("mskSecurityGroupIds");
    }

    private static MskConnectSettings settings(String arn, List<String> subnets, List<String> groups) {
        return new MskConnectSettings(arn, "b-1:9098", subnets, groups, Authentication.IAM, "3.7.x", 1, 1,
                Path.of("source.zip"), Path.of("sink.zip"));
    }
}
