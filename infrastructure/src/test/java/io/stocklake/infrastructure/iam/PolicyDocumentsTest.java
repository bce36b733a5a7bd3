package io.stocklake.infrastructure.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.infrastructure.iam.PolicyDocuments.File;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

    private static final PolicyNames OTHER = new PolicyNames(
            "eu-west-1",
            "210987654321",
            "acme-ticks",
            "lake",
            "acme_market",
            Optional.of("acme-kafka"),
            "ticks",
            "ticks-dlq",
            "ticks-in",
            "ticks-to-lake",
            Optional.of("arn:aws:kms:eu-west-1:210987654321:key/k-1"));

    @Test
    void renderingForTheExampleNamesGivesEachFileAsWritten() {
        for (File file : File.values()) {
            assertThat(PolicyDocuments.render(file, PolicyNames.EXAMPLE))
                    .as(file.fileName())
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
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks", OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/ticks");
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/stock-ticks-s3-glue-sink-dlq",
                        OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/ticks-dlq");
    }

    @Test
    void theSinksConsumerGroupTakesTheSinksName() {
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:group/stock-cluster/*/connect-stock-ticks-s3-glue-sink",
                        OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:group/acme-kafka/*/connect-ticks-to-lake");
    }

    @Test
    void mskConnectInternalNamesTakeTheirConnectorsName() {
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:topic/stock-cluster/*/"
                                + "__amazon_msk_connect_*_stock-ticks-source_*",
                        OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:topic/acme-kafka/*/__amazon_msk_connect_*_ticks-in_*");
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:group/stock-cluster/*/"
                                + "__amazon_msk_connect_*_stock-ticks-s3-glue-sink_*",
                        OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:group/acme-kafka/*/"
                        + "__amazon_msk_connect_*_ticks-to-lake_*");
        assertThat(PolicyDocuments.rewrite(
                        "arn:aws:kafka:us-east-1:123456789012:transactional-id/stock-cluster/*/"
                                + "__amazon_msk_connect_*_stock-ticks-source_*-stock-ticks-source-*",
                        OTHER))
                .isEqualTo("arn:aws:kafka:eu-west-1:210987654321:transactional-id/acme-kafka/*/"
                        + "__amazon_msk_connect_*_ticks-in_*-ticks-in-*");
    }

    @Test
    void eachConnectorsKafkaPolicyNamesOnlyThatConnector() {
        String source =
                PolicyDocuments.read(File.MSK_CONNECT_SOURCE_KAFKA_ACCESS).toString();
        String sink = PolicyDocuments.read(File.MSK_CONNECT_SINK_KAFKA_ACCESS).toString();

        assertThat(source).contains("stock-ticks-source").doesNotContain("stock-ticks-s3-glue-sink");
        assertThat(sink).contains("stock-ticks-s3-glue-sink").doesNotContain("stock-ticks-source");
    }

    @Test
    void theTrustPolicyTakesTheAccountInItsConditions() {
        String trust = PolicyDocuments.render(File.MSK_CONNECT_TRUST, OTHER).toString();

        assertThat(trust)
                .contains(
                        "\"aws:SourceAccount\":\"210987654321\"",
                        "arn:aws:kafkaconnect:eu-west-1:210987654321:connector/*");
    }

    @Test
    void everyExampleNameIsReplacedInEveryFile() {
        for (File file : File.values()) {
            assertThat(PolicyDocuments.render(file, OTHER).toString())
                    .as(file.fileName())
                    .doesNotContain(
                            "stock-lake",
                            "topics/",
                            "stock_market",
                            "123456789012",
                            "us-east-1",
                            "stock-cluster",
                            "stock-ticks",
                            "00000000-0000");
        }
    }

    @Test
    void theKmsPolicyNeedsAKey() {
        PolicyNames noKey = new PolicyNames(
                "eu-west-1",
                "210987654321",
                "acme-ticks",
                "lake",
                "acme_market",
                Optional.empty(),
                "ticks",
                "ticks-dlq",
                "ticks-in",
                "ticks-to-lake",
                Optional.empty());

        assertThatThrownBy(() -> PolicyDocuments.render(File.SINK_KMS, noKey)).hasMessageContaining("KMS key");
        assertThatThrownBy(() -> PolicyDocuments.render(File.MSK_CONNECT_SINK_KAFKA_ACCESS, noKey))
                .hasMessageContaining("cluster");
    }
}
