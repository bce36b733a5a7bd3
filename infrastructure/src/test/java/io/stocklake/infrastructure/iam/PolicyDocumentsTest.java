package io.stocklake.infrastructure.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.infrastructure.iam.PolicyDocuments.File;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

    private static final PolicyNames OTHER = new PolicyNames("eu-west-1", "210987654321", "acme-ticks", "lake",
            "acme_market", Optional.of("acme-kafka"), "ticks", "ticks-dlq",
            Optional.of("arn:aws:kms:eu-west-1:210987654321:key/k-1"));

    @Test
    void renderingForTheExampleNamesGivesEachFileAsWritten() {
        for (File file : File.values()) {
            assertThat(PolicyDocuments.render(file, PolicyNames.EXAMPLE)).as(file.fileName())
                    .isEqualTo(PolicyDocuments.read(file));
        }
    }

    @Test
    void objectArnsTakeTheBucketAndPrefix() {
        assertThat(PolicyDocuments.rewrite("arn:aws:s3:::stock-lake/topics/*", OTHER))
                .isEqualTo("arn:aws:s3:::acme-ticks/lake/*");
        assertThat(PolicyDocuments.rewrite("arn:aws:s3:::stock-lake", OTHER)).isEqualTo("arn:aws:s3:::acme-ticks");
    }

    @Test
    void listConditionsTakeThePrefix() {
        assertThat(PolicyDocuments.rewrite("topics/*", OTHER)).isEqualTo("lake/*");
    }

    @Test
    void glueArnsTakeRegionAccountAndDatabase() {
        assertThat(PolicyDocuments.rewrite("arn:aws:glue:us-east-1:123456789012:table/stock_market/*", OTHER))
                .isEqualTo("arn:aws:glue:eu-west-1:210987654321:table/acme_market/*");
    }

    @Test
    void kafkaTopicArnsTellTheTicksTopicFromTheDeadLetterQueue() {
        assertThat(PolicyDocuments.rewrite("arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks",
                OTHER)).isEqualTo("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/ticks");
        assertThat(PolicyDocuments.rewrite(
                "arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks-s3-glue-sink-dlq", OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/ticks-dlq");
    }

    @Test
    void theTrustPolicyTakesTheAccountInItsConditions() {
        String trust = PolicyDocuments.render(File.MSK_CONNECT_TRUST, OTHER).toString();

        assertThat(trust).contains("\"aws:SourceAccount\":\"210987654321\"",
                "arn:aws:kafkaconnect:eu-west-1:210987654321:connector/*");
    }

    @Test
    void everyExampleNameIsReplacedInEveryFile() {
        for (File file : File.values()) {
            assertThat(PolicyDocuments.render(file, OTHER).toString()).as(file.fileName())
                    .doesNotContain("stock-lake", "topics/", "stock_market", "123456789012", "us-east-1",
                            "stock-cluster", "stock-ticks", "00000000-0000");
        }
    }

    @Test
    void theKmsPolicyNeedsAKey() {
        PolicyNames noKey = new PolicyNames("eu-west-1", "210987654321", "acme-ticks", "lake", "acme_market",
                Optional.empty(), "ticks", "ticks-dlq", Optional.empty());

        assertThatThrownBy(() -> PolicyDocuments.render(File.SINK_KMS, noKey)).hasMessageContaining("KMS key");
        assertThatThrownBy(() -> PolicyDocuments.render(File.MSK_CONNECT_KAFKA_ACCESS, noKey))
                .hasMessageContaining("cluster");
    }
}
