package io.stocklake.infrastructure;

import static io.stocklake.infrastructure.Synthesis.policies;
import static io.stocklake.infrastructure.Synthesis.resource;
import static io.stocklake.infrastructure.Synthesis.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.infrastructure.iam.ConnectorRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployment with names of its own, SSE-S3 and no MSK Connect: nothing of the documented example survives in
 * the templates, the sink's policy is the documented one on these names, and the lake bucket is locked down with
 * the sink README's lifecycle rules.
 */
class OwnNamesDeploymentTest {

    private static Synthesis synthesis;
    private static JsonNode lakeBucket;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Synthesis.context(
                "account",
                "210987654321",
                "region",
                "eu-west-1",
                "bucketName",
                "acme-ticks",
                "lakePrefix",
                "lake",
                "database",
                "acme_market",
                "athenaWorkgroup",
                "acme-analysts",
                "athenaBytesScannedCutoff",
                "1073741824"));
        lakeBucket = resource(synthesis.lake, "AWS::S3::Bucket", "LakeBucket").path("Properties");
    }

    @Test
    void cloudFormationValidationAndTheConstructsReportNothing() {
        assertThat(synthesis.findings()).isEmpty();
    }

    @Test
    void noNameOfTheDocumentedExampleSurvives() {
        String templates = Synthesis.json(synthesis.lake).toString() + Synthesis.json(synthesis.alarms);

        assertThat(templates)
                .doesNotContain("stock-lake", "stock_market", "123456789012", "us-east-1", "stock-cluster", "topics/");
    }

    @Test
    void theSinkPolicyGrantsTheDocumentedActionsOnTheseNames() {
        JsonNode sinkRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSinkRole");
        JsonNode statements =
                policies(sinkRole).get(ConnectorRoles.SINK_LAKE_POLICY).path("Statement");

        assertThat(statements.get(0).path("Resource").asText()).isEqualTo("arn:aws:s3:::acme-ticks");
        assertThat(statements.get(0).path("Condition").toString())
                .isEqualTo("{\"StringLike\":{\"s3:prefix\":[\"lake/*\"]}}");
        assertThat(statements.get(1).path("Resource").asText()).isEqualTo("arn:aws:s3:::acme-ticks/lake/*");
        assertThat(statements.get(2).path("Resource").toString())
                .isEqualTo("[\"arn:aws:glue:eu-west-1:210987654321:catalog\","
                        + "\"arn:aws:glue:eu-west-1:210987654321:database/acme_market\","
                        + "\"arn:aws:glue:eu-west-1:210987654321:table/acme_market/*\"]");
    }

    @Test
    void withoutAnIamClusterOrKmsKeyTheSinkHasOnlyTheLakePolicyAndTheSourceNone() {
        JsonNode sinkRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSinkRole");
        JsonNode sourceRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSourceRole");

        assertThat(policies(sinkRole)).containsOnlyKeys(ConnectorRoles.SINK_LAKE_POLICY);
        assertThat(policies(sourceRole)).isEmpty();
    }

    @Test
    void theLakeBucketIsEncryptedWithS3ManagedKeys() {
        assertThat(lakeBucket
                        .path("BucketEncryption")
                        .path("ServerSideEncryptionConfiguration")
                        .get(0)
                        .path("ServerSideEncryptionByDefault")
                        .path("SSEAlgorithm")
                        .asText())
                .isEqualTo("AES256");
    }

    @Test
    void theLakeBucketBlocksEveryPublicAccess() {
        assertThat(lakeBucket.path("PublicAccessBlockConfiguration").toString())
                .isEqualTo("{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,"
                        + "\"RestrictPublicBuckets\":true}");
    }

    @Test
    void theLakeBucketRefusesEveryRequestWithoutTls() {
        JsonNode policy = resource(synthesis.lake, "AWS::S3::BucketPolicy", "LakeBucketPolicy")
                .path("Properties")
                .path("PolicyDocument");
        List<JsonNode> denials = new ArrayList<>();
        policy.path("Statement").forEach(statement -> {
            if (statement.path("Effect").asText().equals("Deny")) {
                denials.add(statement);
            }
        });

        assertThat(denials).singleElement().satisfies(deny -> {
            assertThat(deny.path("Action").asText()).isEqualTo("s3:*");
            assertThat(deny.path("Principal").toString()).isEqualTo("{\"AWS\":\"*\"}");
            assertThat(deny.path("Condition").toString()).isEqualTo("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
        });
    }

    @Test
    void unfinishedUploadsAreAbortedAndNoRuleExpiresTheBoundaryLogs() {
        Map<String, JsonNode> rules = new java.util.HashMap<>();
        lakeBucket
                .path("LifecycleConfiguration")
                .path("Rules")
                .forEach(r -> rules.put(r.path("Id").asText(), r));

        assertThat(rules).containsOnlyKeys("AbortIncompleteMultipartUploads");
        JsonNode uploads = rules.get("AbortIncompleteMultipartUploads");
        assertThat(uploads.path("AbortIncompleteMultipartUpload")
                        .path("DaysAfterInitiation")
                        .asInt())
                .isEqualTo(1);
        assertThat(uploads.has("Prefix")).isFalse();
    }

    @Test
    void requestMetricsCoverTheSinkPrefixForTheErrorAlarm() {
        assertThat(lakeBucket.path("MetricsConfigurations").toString())
                .isEqualTo("[{\"Id\":\"lake-prefix\",\"Prefix\":\"lake/\"}]");
    }

    @Test
    void theGlueDatabaseIsCreatedInTheAccountsCatalog() {
        synthesis.lake.hasResourceProperties(
                "AWS::Glue::Database",
                Map.of("CatalogId", "210987654321", "DatabaseInput", Map.of("Name", "acme_market")));
    }

    @Test
    void theAthenaWorkgroupEnforcesItsCutoffAndResultsLocation() {
        JsonNode workgroup = resource(synthesis.lake, "AWS::Athena::WorkGroup", "AthenaWorkGroup")
                .path("Properties");
        JsonNode configuration = workgroup.path("WorkGroupConfiguration");
        String resultsBucket = resources(synthesis.lake, "AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith("AthenaResultsBucket"))
                .findFirst()
                .orElseThrow();

        assertThat(workgroup.path("Name").asText()).isEqualTo("acme-analysts");
        assertThat(configuration.path("BytesScannedCutoffPerQuery").asLong()).isEqualTo(1_073_741_824L);
        assertThat(configuration.path("EnforceWorkGroupConfiguration").asBoolean())
                .isTrue();
        assertThat(configuration.path("PublishCloudWatchMetricsEnabled").asBoolean())
                .isTrue();
        assertThat(configuration
                        .path("ResultConfiguration")
                        .path("OutputLocation")
                        .toString())
                .isEqualTo("{\"Fn::Join\":[\"\",[\"s3://\",{\"Ref\":\"" + resultsBucket + "\"},\"/acme-analysts/\"]]}");
    }

    @Test
    void withoutMskConnectOnlyTheLakeIsAlarmed() {
        assertThat(synthesis.stacks.mskConnect()).isEmpty();
        assertThat(resources(synthesis.alarms, "AWS::CloudWatch::Alarm").keySet())
                .allMatch(id -> id.startsWith("LakeS3ServerErrors") || id.startsWith("AthenaBytesScannedPerDay"))
                .hasSize(2);
    }
}
