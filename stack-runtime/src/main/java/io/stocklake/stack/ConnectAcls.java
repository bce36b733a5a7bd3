package io.stocklake.stack;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least ACLs a Connect worker and each connector need on a cluster with an authorizer, one principal each:
 * what the secured test stack applies and what {@code docs/security.md} lists (a test keeps the two equal). No
 * {@code DESCRIBE} where {@code READ} or {@code WRITE} on the same resource is granted: the authorizer implies it.
 */
public final class ConnectAcls {

    private ConnectAcls() {}

    /**
     * The worker's own principal: its group, its three internal topics (created by the worker if absent), and,
     * with exactly-once source support, the transactional ID its leader writes the config topic with.
     */
    public static List<AclBinding> worker(
            String principal, String groupId, String configTopic, String offsetTopic, String statusTopic) {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(configTopic, offsetTopic, statusTopic)) {
            allow(
                    acls,
                    principal,
                    ResourceType.TOPIC,
                    topic,
                    PatternType.LITERAL,
                    AclOperation.DESCRIBE_CONFIGS,
                    AclOperation.CREATE,
                    AclOperation.READ,
                    AclOperation.WRITE);
        }
        allow(acls, principal, ResourceType.GROUP, groupId, PatternType.LITERAL, AclOperation.READ);
        allow(
                acls,
                principal,
                ResourceType.TRANSACTIONAL_ID,
                "connect-cluster-" + groupId,
                PatternType.LITERAL,
                AclOperation.WRITE);
        return acls;
    }

    /**
     * An exactly-once source connector's principal (its producer, consumer and admin overrides): write its topic
     * and, in the same transactions, its offsets to the worker's offsets topic, which it also reads back; its tasks'
     * transactional IDs ({@code <group>-<connector>-<task>}), which its admin fences on start.
     */
    public static List<AclBinding> exactlyOnceSource(
            String principal, String groupId, String connector, String topic, String offsetTopic) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        allow(
                acls,
                principal,
                ResourceType.TOPIC,
                offsetTopic,
                PatternType.LITERAL,
                AclOperation.READ,
                AclOperation.WRITE);
        allow(
                acls,
                principal,
                ResourceType.TRANSACTIONAL_ID,
                groupId + "-" + connector + "-",
                PatternType.PREFIXED,
                AclOperation.WRITE);
        return acls;
    }

    /**
     * An at-least-once source connector's principal (its producer, idempotent by default): write its topic. The
     * worker writes such a connector's offsets as itself.
     */
    public static List<AclBinding> source(String principal, String topic) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        return acls;
    }

    /**
     * A sink connector's principal (its consumer, and the producer and admin of its dead letter queue): read its
     * topic in its group {@code connect-<connector>}; write the dead letter queue.
     */
    public static List<AclBinding> sink(String principal, String connector, String topic, String deadLetterTopic) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        allow(acls, principal, ResourceType.GROUP, "connect-" + connector, PatternType.LITERAL, AclOperation.READ);
        allow(acls, principal, ResourceType.TOPIC, deadLetterTopic, PatternType.LITERAL, AclOperation.WRITE);
        return acls;
    }

    /** One line per binding, as {@code docs/security.md} lists them: principal, resource, pattern, name, operation. */
    public static String describe(AclBinding acl) {
        return String.join(
                " | ",
                acl.entry().principal(),
                acl.pattern().resourceType().name(),
                acl.pattern().patternType().name(),
                acl.pattern().name(),
                acl.entry().operation().name());
    }

    private static void allow(
            List<AclBinding> acls,
            String principal,
            ResourceType type,
            String name,
            PatternType patternType,
            AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    new ResourcePattern(type, name, patternType),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
