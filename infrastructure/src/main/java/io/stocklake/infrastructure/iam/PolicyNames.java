package io.stocklake.infrastructure.iam;

import java.util.Objects;
import java.util.Optional;

/**
 * The names a policy of {@code docs/iam/} is written for. The files name the example deployment of docs/aws.md
 * ({@link #EXAMPLE}); a stack renders them for its own names. Any of these may be a CDK token (an account or
 * region left to deployment time).
 *
 * @param kmsKeyArn the key the lake bucket is encrypted with, empty for SSE-S3
 * @param cluster         the MSK cluster's name, empty where the connectors run on no IAM-authenticated cluster
 * @param sourceConnector the source connector's name, which MSK Connect's internal topics, worker group and
 *                        transactional IDs carry
 * @param sinkConnector   the sink connector's name, likewise, and that of its consumer group
 *                        ({@code connect-<name>})
 */
public record PolicyNames(
        String region,
        String account,
        String bucket,
        String prefix,
        String database,
        Optional<String> cluster,
        String ticksTopic,
        String deadLetterTopic,
        String sourceConnector,
        String sinkConnector,
        Optional<String> kmsKeyArn) {

    /** The names the files in docs/iam/ are written with: those of the shipped connect-configs/ and docs/aws.md. */
    public static final PolicyNames EXAMPLE = new PolicyNames(
            "us-east-1",
            "123456789012",
            "stock-lake",
            "topics",
            "stock_market",
            Optional.of("stock-cluster"),
            "stock-ticks",
            "stock-ticks-s3-glue-sink-dlq",
            "stock-ticks-source",
            "stock-ticks-s3-glue-sink",
            Optional.of("arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000"));

    public PolicyNames {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(ticksTopic, "ticksTopic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(sourceConnector, "sourceConnector");
        Objects.requireNonNull(sinkConnector, "sinkConnector");
        Objects.requireNonNull(kmsKeyArn, "kmsKeyArn");
    }
}
