package io.stocklake.infrastructure;

import static io.stocklake.infrastructure.Synthesis.policies;
import static io.stocklake.infrastructure.Synthesis.resource;
import static io.stocklake.infrastructure.Synthesis.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.infrastructure.connect.ConnectorConfig;
import io.stocklake.infrastructure.iam.ConnectorRoles;
import io.stocklake.infrastructure.iam.PolicyDocuments;
import io.stocklake.infrastructure.iam.PolicyDocuments.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * The deployment docs/aws.md and docs/iam/ are written for (bucket stock-lake, database stock_market, account
 * 123456789012 in us-east-1, a KMS key, the IAM-authenticated MSK cluster stock-cluster), everything on: its roles
 * carry exactly the documented policies, and MSK Connect runs the shipped connector configs.
 */
class ExampleDeploymentTest {

    private static final String CLUSTER_ARN =
            "arn:aws:kafka:us-east-1:123456789012:cluster/stock-cluster/5a1b2c3d-0000-4000-8000-000000000001-1";
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000";

    private static final String SUBNET_A = "subnet-0a1b2c3d4e5f60718";
    private static final String SUBNET_B = "subnet-0b1b2c3d4e5f60718";
    private static final String SECURITY_GROUP = "sg-0c1b2c3d4e5f60718";

    @TempDir
    static Path plugins;

    private static Synthesis synthesis;
    private static Template connect;
    private static JsonNode sinkRole;
    private static JsonNode sourceRole;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Synthesis.context(
                "account",
                "123456789012",
                "region",
                "us-east-1",
                "bucketName",
                "stock-lake",
                "kmsKeyArn",
                KMS_KEY,
                "mskClusterArn",
                CLUSTER_ARN,
                "mskBootstrapServers",
                "b-1.stock.kafka.us-east-1.amazonaws.com:9098",
                "mskSubnetIds",
                SUBNET_A + "," + SUBNET_B,
                "mskSecurityGroupIds",
                SECURITY_GROUP,
                "sourcePluginZip",
                Synthesis.pluginArchive(plugins, "source.zip").toString(),
                "sinkPluginZip",
                Synthesis.pluginArchive(plugins, "sink.zip").toString(),
                "alarmEmail",
                "ops@example.com"));
        connect = Template.fromStack(synthesis.stacks.mskConnect().orElseThrow());
        sinkRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSinkRole");
        sourceRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSourceRole");
    }

    @Test
    void cloudFormationValidationAndTheConstructsReportNothing() {
        assertThat(synthesis.findings()).isEmpty();
    }

    @Test
    void theSinkRoleCarriesExactlyTheDocumentedSinkPolicies() {
        Map<String, JsonNode> policies = policies(sinkRole);

        assertThat(policies.keySet())
                .containsExactlyInAnyOrder(
                        ConnectorRoles.SINK_LAKE_POLICY,
                        ConnectorRoles.SINK_KMS_POLICY,
                        ConnectorRoles.KAFKA_ACCESS_POLICY);
        assertThat(policies.get(ConnectorRoles.SINK_LAKE_POLICY)).isEqualTo(PolicyDocuments.read(File.SINK));
        assertThat(policies.get(ConnectorRoles.SINK_KMS_POLICY)).isEqualTo(PolicyDocuments.read(File.SINK_KMS));
        assertThat(policies.get(ConnectorRoles.KAFKA_ACCESS_POLICY))
                .isEqualTo(PolicyDocuments.read(File.MSK_CONNECT_SINK_KAFKA_ACCESS));
    }

    @Test
    void theSourceRoleCarriesOnlyItsOwnKafkaAccessPolicy() {
        assertThat(policies(sourceRole)).containsOnlyKeys(ConnectorRoles.KAFKA_ACCESS_POLICY);
        assertThat(policies(sourceRole).get(ConnectorRoles.KAFKA_ACCESS_POLICY))
                .isEqualTo(PolicyDocuments.read(File.MSK_CONNECT_SOURCE_KAFKA_ACCESS));
    }

    @Test
    void theSourceRoleNeitherReadsTheTicksNorReachesTheDeadLetterQueueOrTheSinksGroup() {
        Map<String, List<String>> granted = kafkaGrants(sourceRole);

        assertThat(granted)
                .doesNotContainKeys(
                        "arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks-s3-glue-sink-dlq",
                        "arn:aws:kafka:us-east-1:123456789012:group/stock-cluster/*/connect-stock-ticks-s3-glue-sink");
        assertThat(granted.get("arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks"))
                .containsExactlyInAnyOrder(
                        "kafka-cluster:DescribeTopic", "kafka-cluster:CreateTopic", "kafka-cluster:WriteData");
        assertThat(granted.keySet()).noneMatch(resource -> resource.contains("stock-ticks-s3-glue-sink"));
    }

    @Test
    void theSinkRoleNeitherWritesTheTicksNorUsesTransactionsNorTheSourcesInternalTopics() {
        Map<String, List<String>> granted = kafkaGrants(sinkRole);

        assertThat(granted.get("arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks"))
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
        assertThat(granted.keySet())
                .noneMatch(resource -> resource.contains(":transactional-id/"))
                .noneMatch(resource -> resource.contains("stock-ticks-source"));
    }

    /** The Kafka access policy's actions by resource. */
    private static Map<String, List<String>> kafkaGrants(JsonNode role) {
        Map<String, List<String>> granted = new LinkedHashMap<>();
        policies(role).get(ConnectorRoles.KAFKA_ACCESS_POLICY).path("Statement").forEach(statement -> {
            List<String> resourcesGranted = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            values(statement.path("Resource"), resourcesGranted);
            values(statement.path("Action"), actions);
            resourcesGranted.forEach(
                    r -> granted.computeIfAbsent(r, k -> new ArrayList<>()).addAll(actions));
        });
        return granted;
    }

    @Test
    void onlyMskConnectOfThisAccountAssumesTheRoles() {
        JsonNode trust = PolicyDocuments.read(File.MSK_CONNECT_TRUST);

        assertThat(sinkRole.path("Properties").path("AssumeRolePolicyDocument")).isEqualTo(trust);
        assertThat(sourceRole.path("Properties").path("AssumeRolePolicyDocument"))
                .isEqualTo(trust);
    }

    @Test
    void noRoleIsGrantedAWildcardActionOrResource() {
        List<String> actions = new ArrayList<>();
        List<String> resourcesGranted = new ArrayList<>();
        for (JsonNode role : List.of(sinkRole, sourceRole)) {
            policies(role)
                    .values()
                    .forEach(document -> document.path("Statement").forEach(statement -> {
                        values(statement.path("Action"), actions);
                        values(statement.path("Resource"), resourcesGranted);
                    }));
        }

        assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("*"));
        assertThat(resourcesGranted)
                .isNotEmpty()
                .noneMatch(r -> r.equals("*"))
                .allMatch(r -> r.startsWith("arn:aws:s3:::stock-lake")
                        || r.startsWith("arn:aws:glue:us-east-1:123456789012:")
                        || r.startsWith("arn:aws:kafka:us-east-1:123456789012:")
                        || r.equals(KMS_KEY));
    }

    @Test
    void theLakeIsEncryptedWithTheGivenKey() {
        JsonNode bucket =
                resource(synthesis.lake, "AWS::S3::Bucket", "LakeBucket").path("Properties");
        JsonNode rule = bucket.path("BucketEncryption")
                .path("ServerSideEncryptionConfiguration")
                .get(0);

        assertThat(rule.path("ServerSideEncryptionByDefault")
                        .path("SSEAlgorithm")
                        .asText())
                .isEqualTo("aws:kms");
        assertThat(rule.path("ServerSideEncryptionByDefault")
                        .path("KMSMasterKeyID")
                        .asText())
                .isEqualTo(KMS_KEY);
        assertThat(rule.path("BucketKeyEnabled").asBoolean()).isTrue();
    }

    @Test
    void mskConnectGetsOneCustomPluginPerReleaseArchive() {
        Map<String, JsonNode> plugins = resources(connect, "AWS::KafkaConnect::CustomPlugin");

        assertThat(plugins).hasSize(2);
        assertThat(plugins.values()).allSatisfy(p -> {
            assertThat(p.path("Properties").path("ContentType").asText()).isEqualTo("ZIP");
            assertThat(p.path("Properties")
                            .path("Location")
                            .path("S3Location")
                            .path("FileKey")
                            .asText())
                    .endsWith(".zip");
        });
    }

    @Test
    void theSourceRunsItsShippedConfigUnchanged() {
        ConnectorConfig shipped = ConnectorConfig.shipped(ConnectorConfig.SOURCE_FILE);
        JsonNode connector = connector(shipped.name());

        assertThat(configuration(connector)).isEqualTo(shipped.config());
        assertThat(connector
                        .path("ServiceExecutionRoleArn")
                        .path("Fn::ImportValue")
                        .asText())
                .contains("SourceRole");
    }

    @Test
    void theSinkRunsItsShippedConfigWithOnlyTheAwsNamesOverlaid() {
        ConnectorConfig shipped = ConnectorConfig.shipped(ConnectorConfig.SINK_FILE);
        Map<String, String> deployed = configuration(connector(shipped.name()));
        Map<String, String> awsValues = Map.of(
                "s3.bucket.name",
                "stock-lake",
                "s3.region",
                "us-east-1",
                "topics.dir",
                "topics",
                "glue.database",
                "stock_market",
                "s3.sse",
                "aws:kms",
                "s3.sse.kms.key.id",
                KMS_KEY);

        Set<String> keys = new HashSet<>(shipped.config().keySet());
        keys.addAll(deployed.keySet());
        for (String key : keys) {
            assertThat(deployed.get(key))
                    .as(key)
                    .isEqualTo(awsValues.getOrDefault(key, shipped.config().get(key)));
        }
        assertThat(deployed.keySet()).containsAll(awsValues.keySet());
    }

    @Test
    void connectorsReachTheClusterWithIamOverTls() {
        for (String name : List.of("stock-ticks-source", "stock-ticks-s3-glue-sink")) {
            JsonNode connector = connector(name);

            assertThat(connector
                            .path("KafkaClusterClientAuthentication")
                            .path("AuthenticationType")
                            .asText())
                    .isEqualTo("IAM");
            assertThat(connector
                            .path("KafkaClusterEncryptionInTransit")
                            .path("EncryptionType")
                            .asText())
                    .isEqualTo("TLS");
            JsonNode cluster = connector.path("KafkaCluster").path("ApacheKafkaCluster");
            assertThat(cluster.path("BootstrapServers").asText())
                    .isEqualTo("b-1.stock.kafka.us-east-1.amazonaws.com:9098");
            assertThat(cluster.path("Vpc").path("Subnets").toString())
                    .isEqualTo("[\"" + SUBNET_A + "\",\"" + SUBNET_B + "\"]");
            assertThat(cluster.path("Vpc").path("SecurityGroups").toString()).isEqualTo("[\"" + SECURITY_GROUP + "\"]");
        }
    }

    @Test
    void theWorkerConfigurationSetsTheShippedConverters() {
        JsonNode worker = resource(connect, "AWS::KafkaConnect::WorkerConfiguration", "WorkerConfiguration");
        String properties = new String(
                Base64.getDecoder()
                        .decode(worker.path("Properties")
                                .path("PropertiesFileContent")
                                .asText()),
                StandardCharsets.UTF_8);

        assertThat(properties).isEqualTo("""
                key.converter=org.apache.kafka.connect.storage.StringConverter
                value.converter=org.apache.kafka.connect.json.JsonConverter
                value.converter.schemas.enable=true
                """);
    }

    @Test
    void alarmsWatchTasksRebalancesTicksTheSinksProgressS3AndAthena() {
        Map<String, String> metricByAlarm = new LinkedHashMap<>();
        resources(synthesis.alarms, "AWS::CloudWatch::Alarm")
                .forEach((id, alarm) ->
                        metricByAlarm.put(id.replaceAll("[0-9A-F]{8}$", ""), metricNames(alarm.path("Properties"))));

        assertThat(metricByAlarm)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("StockTicksSourceFailedTasks", "ErroredTaskCount"),
                        Map.entry("StockTicksSourceTasksNotRunning", "RunningTaskCount"),
                        Map.entry("StockTicksSourceTaskStartFailed", "TaskStartupSuccessPercentage"),
                        Map.entry("StockTicksSourceRebalancesTooOften", "RebalanceCompletedTotal"),
                        Map.entry("StockTicksS3GlueSinkFailedTasks", "ErroredTaskCount"),
                        Map.entry("StockTicksS3GlueSinkTasksNotRunning", "RunningTaskCount"),
                        Map.entry("StockTicksS3GlueSinkTaskStartFailed", "TaskStartupSuccessPercentage"),
                        Map.entry("StockTicksS3GlueSinkRebalancesTooOften", "RebalanceCompletedTotal"),
                        Map.entry("StockTicksSourceNoTicks", "SourceRecordPollRate"),
                        Map.entry("StockTicksSourceWritesLagPolls", "SourceRecordPollRate,SourceRecordWriteRate"),
                        Map.entry("StockTicksS3GlueSinkReadsNothing", "SinkRecordReadRate,SourceRecordWriteRate"),
                        Map.entry("StockTicksS3GlueSinkFallingBehind", "MaxOffsetLag"),
                        Map.entry("LakeS3ServerErrors", "5xxErrors"),
                        Map.entry("AthenaBytesScannedPerDay", "ProcessedBytes")));
    }

    @Test
    void theIdleSinkAlarmComparesTheSinksReadsWithTheSourcesWritesForFifteenMinutes() {
        JsonNode alarm = resource(synthesis.alarms, "AWS::CloudWatch::Alarm", "StockTicksS3GlueSinkReadsNothing")
                .path("Properties");
        Map<String, String> connectorByMetric = new LinkedHashMap<>();
        alarm.path("Metrics").forEach(m -> {
            JsonNode metric = m.path("MetricStat").path("Metric");
            if (!metric.isMissingNode()) {
                connectorByMetric.put(
                        metric.path("MetricName").asText(),
                        metric.path("Dimensions").get(0).path("Value").asText());
            }
        });

        assertThat(connectorByMetric)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "SourceRecordWriteRate",
                        "stock-ticks-source",
                        "SinkRecordReadRate",
                        "stock-ticks-s3-glue-sink"));
        assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(alarm.path("Metrics").toString()).contains("\"Period\":300");
    }

    /** The alarm's metric, or the metrics its expression reads, sorted and joined. */
    private static String metricNames(JsonNode alarm) {
        if (alarm.has("MetricName")) {
            return alarm.path("MetricName").asText();
        }
        List<String> names = new ArrayList<>();
        alarm.path("Metrics").forEach(m -> {
            JsonNode name = m.path("MetricStat").path("Metric").path("MetricName");
            if (!name.isMissingNode()) {
                names.add(name.asText());
            }
        });
        return String.join(",", names.stream().sorted().toList());
    }

    @Test
    void theLagAlarmWatchesTheSinkConsumerGroupAtThreeFlushSizes() {
        JsonNode alarm = resource(synthesis.alarms, "AWS::CloudWatch::Alarm", "StockTicksS3GlueSinkFallingBehind")
                .path("Properties");
        Map<String, String> dimensions = new LinkedHashMap<>();
        alarm.path("Dimensions")
                .forEach(d ->
                        dimensions.put(d.path("Name").asText(), d.path("Value").asText()));

        assertThat(dimensions)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Cluster Name",
                        "stock-cluster",
                        "Consumer Group",
                        "connect-stock-ticks-s3-glue-sink",
                        "Topic",
                        "stock-ticks"));
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(300_000);
        assertThat(alarm.path("EvaluationPeriods").asInt()
                        * alarm.path("Period").asInt())
                .isEqualTo(600);
    }

    @Test
    void aTaskAlarmFiresWhenFewerThanTasksMaxRun() {
        JsonNode alarm = resource(synthesis.alarms, "AWS::CloudWatch::Alarm", "StockTicksS3GlueSinkTasksNotRunning")
                .path("Properties");

        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(2);
    }

    @Test
    void everyAlarmNotifiesTheTopicWithTheEmailSubscribed() {
        String topic = resources(synthesis.alarms, "AWS::SNS::Topic")
                .keySet()
                .iterator()
                .next();

        assertThat(resources(synthesis.alarms, "AWS::CloudWatch::Alarm").values())
                .allSatisfy(alarm -> assertThat(
                                alarm.path("Properties").path("AlarmActions").toString())
                        .isEqualTo("[{\"Ref\":\"" + topic + "\"}]"));
        synthesis.alarms.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    }

    private static JsonNode connector(String name) {
        List<JsonNode> found = new ArrayList<>();
        resources(connect, "AWS::KafkaConnect::Connector").values().forEach(c -> {
            if (c.path("Properties").path("ConnectorName").asText().equals(name)) {
                found.add(c.path("Properties"));
            }
        });
        assertThat(found).as("connector " + name).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> configuration(JsonNode connector) {
        Map<String, String> configuration = new LinkedHashMap<>();
        connector
                .path("ConnectorConfiguration")
                .properties()
                .forEach(e -> configuration.put(e.getKey(), e.getValue().asText()));
        return configuration;
    }

    private static void values(JsonNode node, List<String> into) {
        if (node.isArray()) {
            node.forEach(v -> into.add(v.asText()));
        } else if (!node.isMissingNode()) {
            into.add(node.asText());
        }
    }
}
