package io.stocklake.infrastructure;

import static io.stocklake.infrastructure.Synthesis.policies;
import static io.stocklake.infrastructure.Synthesis.resource;
import static io.stocklake.infrastructure.Synthesis.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.infrastructure.iam.ConnectorRoles;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** {@code createMskCluster=true}: the app creates the cluster and runs the connectors on it. */
class NewMskClusterDeploymentTest {

    @TempDir
    static Path plugins;

    private static Synthesis synthesis;
    private static Template cluster;
    private static Template connect;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Synthesis.context(
                "account",
                "210987654321",
                "region",
                "eu-west-1",
                "bucketName",
                "acme-ticks",
                "createMskCluster",
                "true",
                "mskClusterName",
                "acme-kafka",
                "mskSubnetIds",
                "subnet-0a1b2c3d4e5f60718,subnet-0b1b2c3d4e5f60718,subnet-0c1b2c3d4e5f60718",
                "mskSecurityGroupIds",
                "sg-0c1b2c3d4e5f60718",
                "sourcePluginZip",
                Synthesis.pluginArchive(plugins, "source.zip").toString(),
                "sinkPluginZip",
                Synthesis.pluginArchive(plugins, "sink.zip").toString()));
        cluster = Template.fromStack(synthesis.stacks.mskCluster().orElseThrow());
        connect = Template.fromStack(synthesis.stacks.mskConnect().orElseThrow());
    }

    @Test
    void cloudFormationValidationAndTheConstructsReportNothing() {
        assertThat(synthesis.findings()).isEmpty();
    }

    @Test
    void theClusterHasOneBrokerPerSubnetAndOnlyIamOverTls() {
        JsonNode properties = resource(cluster, "AWS::MSK::Cluster", "Cluster").path("Properties");

        assertThat(properties.path("ClusterName").asText()).isEqualTo("acme-kafka");
        assertThat(properties.path("NumberOfBrokerNodes").asInt()).isEqualTo(3);
        assertThat(properties.path("ClientAuthentication").toString())
                .isEqualTo("{\"Sasl\":{\"Iam\":{\"Enabled\":true}},\"Unauthenticated\":{\"Enabled\":false}}");
        assertThat(properties
                        .path("EncryptionInfo")
                        .path("EncryptionInTransit")
                        .path("ClientBroker")
                        .asText())
                .isEqualTo("TLS");
    }

    @Test
    void theConnectorsReachTheNewClusterThroughItsIamBootstrapBrokers() {
        resources(connect, "AWS::KafkaConnect::Connector")
                .values()
                .forEach(connector -> assertThat(connector
                                .path("Properties")
                                .path("KafkaCluster")
                                .path("ApacheKafkaCluster")
                                .path("BootstrapServers")
                                .path("Fn::ImportValue")
                                .asText())
                        .contains("BootstrapBrokers"));
    }

    @Test
    void theRolesAreGrantedTheNewClustersTopicsAndGroups() {
        JsonNode sinkRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSinkRole");

        assertThat(policies(sinkRole).get(ConnectorRoles.KAFKA_ACCESS_POLICY).toString())
                .contains(
                        "arn:aws:kafka:eu-west-1:210987654321:cluster/acme-kafka/*",
                        "arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/stock-ticks")
                .doesNotContain("stock-cluster");
        JsonNode sourceRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSourceRole");
        assertThat(policies(sourceRole).get(ConnectorRoles.KAFKA_ACCESS_POLICY).toString())
                .contains(
                        "arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/"
                                + "__amazon_msk_connect_*_stock-ticks-source_*",
                        "arn:aws:kafka:eu-west-1:210987654321:transactional-id/acme-kafka/*/")
                .doesNotContain("stock-cluster");
    }

    @Test
    void theLagAlarmWatchesTheNewCluster() {
        JsonNode alarm = resource(synthesis.alarms, "AWS::CloudWatch::Alarm", "StockTicksS3GlueSinkFallingBehind");

        assertThat(alarm.path("Properties").path("Dimensions").toString())
                .contains("{\"Name\":\"Cluster Name\",\"Value\":\"acme-kafka\"}");
    }
}
