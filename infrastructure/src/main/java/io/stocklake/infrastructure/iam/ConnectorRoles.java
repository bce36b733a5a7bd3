package io.stocklake.infrastructure.iam;

import io.stocklake.infrastructure.iam.PolicyDocuments.File;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.CfnRole;
import software.constructs.Construct;

/**
 * The connectors' MSK Connect service execution roles, their policies exactly the documents of docs/iam/
 * rendered for the deployment (no statement is written here): the sink gets the lake policy (and the KMS one for
 * a KMS-encrypted lake); on an IAM-authenticated cluster each gets its own Kafka access policy, which names only
 * the topics, groups and transactional IDs that connector uses. The source calls no AWS API, so without such a
 * cluster its role has no permission at all.
 */
public final class ConnectorRoles extends Construct {

    public static final String SINK_LAKE_POLICY = "SinkLake";
    public static final String SINK_KMS_POLICY = "SinkKms";
    public static final String KAFKA_ACCESS_POLICY = "KafkaClusterAccess";

    private final CfnRole sinkRole;
    private final CfnRole sourceRole;

    public ConnectorRoles(Construct scope, String id, PolicyNames names) {
        super(scope, id);
        List<CfnRole.PolicyProperty> sinkPolicies = new ArrayList<>();
        sinkPolicies.add(policy(SINK_LAKE_POLICY, File.SINK, names));
        names.kmsKeyArn().ifPresent(key -> sinkPolicies.add(policy(SINK_KMS_POLICY, File.SINK_KMS, names)));
        List<CfnRole.PolicyProperty> sourcePolicies = new ArrayList<>();
        names.cluster().ifPresent(cluster -> {
            sinkPolicies.add(policy(KAFKA_ACCESS_POLICY, File.MSK_CONNECT_SINK_KAFKA_ACCESS, names));
            sourcePolicies.add(policy(KAFKA_ACCESS_POLICY, File.MSK_CONNECT_SOURCE_KAFKA_ACCESS, names));
        });
        sinkRole = role("SinkRole", "The stocklake S3/Glue sink on MSK Connect", names, sinkPolicies);
        sourceRole = role("SourceRole", "The stocklake tick source on MSK Connect", names, sourcePolicies);
    }

    public CfnRole sinkRole() {
        return sinkRole;
    }

    public CfnRole sourceRole() {
        return sourceRole;
    }

    private CfnRole role(String id, String description, PolicyNames names, List<CfnRole.PolicyProperty> policies) {
        CfnRole.Builder builder = CfnRole.Builder.create(this, id)
                .description(description)
                .assumeRolePolicyDocument(PolicyDocuments.renderForTemplate(File.MSK_CONNECT_TRUST, names));
        if (!policies.isEmpty()) {
            builder.policies(List.copyOf(policies));
        }
        return builder.build();
    }

    private static CfnRole.PolicyProperty policy(String name, File file, PolicyNames names) {
        return CfnRole.PolicyProperty.builder()
                .policyName(name)
                .policyDocument(PolicyDocuments.renderForTemplate(file, names))
                .build();
    }
}
