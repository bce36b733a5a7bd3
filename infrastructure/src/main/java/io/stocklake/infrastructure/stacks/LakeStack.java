package io.stocklake.infrastructure.stacks;

import io.stocklake.infrastructure.iam.ConnectorRoles;
import io.stocklake.infrastructure.iam.PolicyNames;
import io.stocklake.infrastructure.settings.AthenaSettings;
import io.stocklake.infrastructure.settings.LakeSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketMetrics;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * Where the ticks land and are queried: the lake bucket, the Glue database the sink registers its table in, the
 * Athena workgroup with its results bucket, and the connectors' roles. The table itself is created by the sink
 * (its schema is the sink's to define), with partition projection when the settings ask for it.
 */
public final class LakeStack extends Stack {

    /** The request-metrics filter on the sink's prefix, for the S3 error alarm. */
    public static final String LAKE_PREFIX_METRICS_ID = "lake-prefix";

    private final ConnectorRoles roles;

    public LakeStack(
            Construct scope,
            String id,
            StackProps props,
            LakeSettings lake,
            AthenaSettings athena,
            PolicyNames policyNames) {
        super(scope, id, props);

        Bucket.Builder lakeBuilder = Bucket.Builder.create(this, "LakeBucket")
                .bucketName(lake.bucketName())
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .metrics(List.of(BucketMetrics.builder()
                        .id(LAKE_PREFIX_METRICS_ID)
                        .prefix(lake.prefix() + "/")
                        .build()))
                // No rule may expire <prefix>/_boundaries/: each Kafka partition's boundary log lives there for
                // as long as the sink writes it, and an exactly-once replay needs it.
                .lifecycleRules(List.of(
                        // A task that dies mid-file leaves its multipart upload open, billed until aborted.
                        LifecycleRule.builder()
                                .id("AbortIncompleteMultipartUploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(lake.incompleteUploadAbortDays()))
                                .build()));
        lake.kmsKeyArn()
                .ifPresentOrElse(
                        key -> lakeBuilder
                                .encryption(BucketEncryption.KMS)
                                .encryptionKey(Key.fromKeyArn(this, "LakeKey", key))
                                .bucketKeyEnabled(true),
                        () -> lakeBuilder.encryption(BucketEncryption.S3_MANAGED));
        lakeBuilder.build();

        CfnDatabase.Builder.create(this, "GlueDatabase")
                .catalogId(getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(lake.database())
                        .description("Stock ticks landed by the stocklake S3/Glue sink")
                        .build())
                .build();

        Bucket resultsBucket = Bucket.Builder.create(this, "AthenaResultsBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireQueryResults")
                        .expiration(Duration.days(athena.resultsRetentionDays()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(lake.incompleteUploadAbortDays()))
                        .build()))
                .build();

        CfnWorkGroup.Builder.create(this, "AthenaWorkGroup")
                .name(athena.workgroup())
                .description("Queries over the stocklake tables")
                .state("ENABLED")
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(athena.bytesScannedCutoff())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation(
                                        "s3://" + resultsBucket.getBucketName() + "/" + athena.workgroup() + "/")
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3")
                                        .build())
                                .build())
                        .build())
                .build();

        roles = new ConnectorRoles(this, "ConnectorRoles", policyNames);
    }

    public ConnectorRoles roles() {
        return roles;
    }
}
