package io.stocklake.infrastructure.stacks;

import io.stocklake.infrastructure.settings.MskConnectSettings;
import io.stocklake.infrastructure.settings.MskConnectSettings.NewCluster;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.msk.CfnCluster;
import software.constructs.Construct;

/**
 * An MSK cluster for the connectors, only when asked ({@code createMskCluster=true}: it is the costly part):
 * provisioned, one broker per subnet, IAM access control over TLS only. CloudFormation does not tell a cluster's
 * bootstrap brokers, so a custom resource asks MSK for them (GetBootstrapBrokers).
 */
public final class MskClusterStack extends Stack {

    private final CfnCluster cluster;
    private final String bootstrapServers;

    public MskClusterStack(Construct scope, String id, StackProps props, MskConnectSettings settings) {
        super(scope, id, props);
        NewCluster spec = settings.newCluster().orElseThrow();

        cluster = CfnCluster.Builder.create(this, "Cluster")
                .clusterName(settings.clusterName())
                .kafkaVersion(spec.kafkaVersion())
                .numberOfBrokerNodes(settings.subnetIds().size())
                .brokerNodeGroupInfo(CfnCluster.BrokerNodeGroupInfoProperty.builder()
                        .clientSubnets(settings.subnetIds())
                        .securityGroups(settings.securityGroupIds())
                        .instanceType(spec.brokerInstanceType())
                        .storageInfo(CfnCluster.StorageInfoProperty.builder()
                                .ebsStorageInfo(CfnCluster.EBSStorageInfoProperty.builder()
                                        .volumeSize(spec.brokerVolumeGiB())
                                        .build())
                                .build())
                        .build())
                .clientAuthentication(CfnCluster.ClientAuthenticationProperty.builder()
                        .sasl(CfnCluster.SaslProperty.builder()
                                .iam(CfnCluster.IamProperty.builder()
                                        .enabled(true)
                                        .build())
                                .build())
                        .unauthenticated(CfnCluster.UnauthenticatedProperty.builder()
                                .enabled(false)
                                .build())
                        .build())
                .encryptionInfo(CfnCluster.EncryptionInfoProperty.builder()
                        .encryptionInTransit(CfnCluster.EncryptionInTransitProperty.builder()
                                .clientBroker("TLS")
                                .inCluster(true)
                                .build())
                        .build())
                .build();

        AwsSdkCall getBootstrapBrokers = AwsSdkCall.builder()
                .service("Kafka")
                .action("getBootstrapBrokers")
                .parameters(Map.of("ClusterArn", cluster.getAttrArn()))
                .physicalResourceId(PhysicalResourceId.of(cluster.getAttrArn()))
                .build();
        AwsCustomResource brokers = AwsCustomResource.Builder.create(this, "BootstrapBrokers")
                .onCreate(getBootstrapBrokers)
                .onUpdate(getBootstrapBrokers)
                .policy(AwsCustomResourcePolicy.fromSdkCalls(
                        software.amazon.awscdk.customresources.SdkCallsPolicyOptions.builder()
                                .resources(List.of(cluster.getAttrArn()))
                                .build()))
                .installLatestAwsSdk(false)
                .build();
        bootstrapServers = brokers.getResponseField("BootstrapBrokerStringSaslIam");
    }

    public CfnCluster cluster() {
        return cluster;
    }

    /** The brokers' IAM bootstrap string, known at deployment. */
    public String bootstrapServers() {
        return bootstrapServers;
    }
}
