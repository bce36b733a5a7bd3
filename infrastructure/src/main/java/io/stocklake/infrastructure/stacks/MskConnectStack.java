package io.stocklake.infrastructure.stacks;

import io.stocklake.infrastructure.connect.ConnectorConfig;
import io.stocklake.infrastructure.settings.MskConnectSettings;
import io.stocklake.infrastructure.settings.MskConnectSettings.Authentication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.kafkaconnect.CfnConnector;
import software.amazon.awscdk.services.kafkaconnect.CfnCustomPlugin;
import software.amazon.awscdk.services.kafkaconnect.CfnWorkerConfiguration;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The connectors on MSK Connect against an MSK cluster: a custom plugin from each release archive (CDK
 * assets, uploaded by {@code cdk deploy}), one worker configuration, and the two connectors with the configs of
 * connect-configs/ as given (the AWS names already laid over the sink's).
 */
public final class MskConnectStack extends Stack {

    /** The worker properties docs/aws.md gives MSK Connect: the converters both shipped configs use. */
    static final List<String> WORKER_KEYS =
            List.of("key.converter", "value.converter", "value.converter.schemas.enable");

    /**
     * @param bootstrapServers the cluster's bootstrap brokers for the settings' authentication
     */
    public MskConnectStack(
            Construct scope,
            String id,
            StackProps props,
            MskConnectSettings settings,
            String bootstrapServers,
            ConnectorConfig source,
            ConnectorConfig sink,
            CfnRole sourceRole,
            CfnRole sinkRole) {
        super(scope, id, props);

        CfnWorkerConfiguration workerConfiguration = CfnWorkerConfiguration.Builder.create(this, "WorkerConfiguration")
                .name("stocklake")
                .description("Converters of the stocklake connectors")
                .propertiesFileContent(Base64.getEncoder()
                        .encodeToString(workerProperties(sink).getBytes(StandardCharsets.UTF_8)))
                .build();

        LogGroup logs = LogGroup.Builder.create(this, "WorkerLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        CfnCustomPlugin sourcePlugin = plugin("SourcePlugin", "stocklake-stock-source", settings.sourcePluginZip());
        CfnCustomPlugin sinkPlugin = plugin("SinkPlugin", "stocklake-s3-glue-sink", settings.sinkPluginZip());

        connector(
                "SourceConnector",
                source,
                sourcePlugin,
                sourceRole,
                workerConfiguration,
                logs,
                settings,
                bootstrapServers);
        connector("SinkConnector", sink, sinkPlugin, sinkRole, workerConfiguration, logs, settings, bootstrapServers);
    }

    /** The worker configuration's properties: the shipped sink's converter settings. */
    static String workerProperties(ConnectorConfig sink) {
        return WORKER_KEYS.stream().map(key -> key + "=" + sink.get(key)).collect(Collectors.joining("\n", "", "\n"));
    }

    private CfnCustomPlugin plugin(String id, String name, Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("plugin archive " + archive + " does not exist: build it with "
                    + "./mvnw package (or set sourcePluginZip / sinkPluginZip)");
        }
        Asset asset = Asset.Builder.create(this, id + "Archive")
                .path(archive.toString())
                .build();
        return CfnCustomPlugin.Builder.create(this, id)
                .name(name)
                .contentType("ZIP")
                .location(CfnCustomPlugin.CustomPluginLocationProperty.builder()
                        .s3Location(CfnCustomPlugin.S3LocationProperty.builder()
                                .bucketArn(asset.getBucket().getBucketArn())
                                .fileKey(asset.getS3ObjectKey())
                                .build())
                        .build())
                .build();
    }

    private void connector(
            String id,
            ConnectorConfig config,
            CfnCustomPlugin plugin,
            CfnRole role,
            CfnWorkerConfiguration workerConfiguration,
            LogGroup logs,
            MskConnectSettings settings,
            String bootstrapServers) {
        boolean iam = settings.authentication() == Authentication.IAM;
        CfnConnector.Builder.create(this, id)
                .connectorName(config.name())
                .kafkaConnectVersion(settings.kafkaConnectVersion())
                .connectorConfiguration(config.config())
                .capacity(CfnConnector.CapacityProperty.builder()
                        .provisionedCapacity(CfnConnector.ProvisionedCapacityProperty.builder()
                                .mcuCount(settings.mcuCount())
                                .workerCount(settings.workerCount())
                                .build())
                        .build())
                .kafkaCluster(CfnConnector.KafkaClusterProperty.builder()
                        .apacheKafkaCluster(CfnConnector.ApacheKafkaClusterProperty.builder()
                                .bootstrapServers(bootstrapServers)
                                .vpc(CfnConnector.VpcProperty.builder()
                                        .subnets(settings.subnetIds())
                                        .securityGroups(settings.securityGroupIds())
                                        .build())
                                .build())
                        .build())
                .kafkaClusterClientAuthentication(CfnConnector.KafkaClusterClientAuthenticationProperty.builder()
                        .authenticationType(iam ? "IAM" : "NONE")
                        .build())
                // IAM access control needs TLS; without it the cluster is reached as its listener is.
                .kafkaClusterEncryptionInTransit(CfnConnector.KafkaClusterEncryptionInTransitProperty.builder()
                        .encryptionType(iam ? "TLS" : "PLAINTEXT")
                        .build())
                .plugins(List.of(CfnConnector.PluginProperty.builder()
                        .customPlugin(CfnConnector.CustomPluginProperty.builder()
                                .customPluginArn(plugin.getAttrCustomPluginArn())
                                .revision(plugin.getAttrRevision())
                                .build())
                        .build()))
                .workerConfiguration(CfnConnector.WorkerConfigurationProperty.builder()
                        .workerConfigurationArn(workerConfiguration.getAttrWorkerConfigurationArn())
                        .revision(workerConfiguration.getAttrRevision())
                        .build())
                .logDelivery(CfnConnector.LogDeliveryProperty.builder()
                        .workerLogDelivery(CfnConnector.WorkerLogDeliveryProperty.builder()
                                .cloudWatchLogs(CfnConnector.CloudWatchLogsLogDeliveryProperty.builder()
                                        .enabled(true)
                                        .logGroup(logs.getLogGroupName())
                                        .build())
                                .build())
                        .build())
                .serviceExecutionRoleArn(role.getAttrArn())
                .build();
    }
}
