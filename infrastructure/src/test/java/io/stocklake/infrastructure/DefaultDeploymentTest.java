package io.stocklake.infrastructure;

import static io.stocklake.infrastructure.Synthesis.policies;
import static io.stocklake.infrastructure.Synthesis.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.infrastructure.iam.ConnectorRoles;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cdk synth} with no context and no account: the stacks synthesise with the shipped configs' names, the
 * account and region left to deployment, and MSK Connect left out.
 */
class DefaultDeploymentTest {

    private static Synthesis synthesis;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
    }

    @Test
    void cloudFormationValidationAndTheConstructsReportNothing() {
        assertThat(synthesis.findings()).isEmpty();
    }

    @Test
    void theLakeBucketIsNamedForTheAccountAndRegionItIsDeployedIn() {
        JsonNode name = resource(synthesis.lake, "AWS::S3::Bucket", "LakeBucket")
                .path("Properties")
                .path("BucketName");

        assertThat(name.toString())
                .isEqualTo("{\"Fn::Join\":[\"\",[\"stocklake-\",{\"Ref\":\"AWS::AccountId\"},"
                        + "\"-\",{\"Ref\":\"AWS::Region\"}]]}");
    }

    @Test
    void theSinkPolicyNamesTheBucketAndTheShippedPrefixAndDatabaseAtDeployment() {
        JsonNode sinkRole = resource(synthesis.lake, "AWS::IAM::Role", "ConnectorRolesSinkRole");
        JsonNode statements =
                policies(sinkRole).get(ConnectorRoles.SINK_LAKE_POLICY).path("Statement");

        assertThat(statements.get(1).path("Resource").toString())
                .isEqualTo("{\"Fn::Join\":[\"\",["
                        + "\"arn:aws:s3:::stocklake-\",{\"Ref\":\"AWS::AccountId\"},\"-\",{\"Ref\":\"AWS::Region\"},"
                        + "\"/topics/*\"]]}");
        assertThat(statements.get(2).path("Resource").get(1).toString())
                .isEqualTo("{\"Fn::Join\":[\"\",["
                        + "\"arn:aws:glue:\",{\"Ref\":\"AWS::Region\"},\":\",{\"Ref\":\"AWS::AccountId\"},"
                        + "\":database/stock_market\"]]}");
    }

    @Test
    void mskConnectIsLeftOutUntilAClusterIsNamed() {
        assertThat(synthesis.stacks.mskConnect()).isEmpty();
    }
}
