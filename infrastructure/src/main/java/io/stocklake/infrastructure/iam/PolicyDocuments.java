package io.stocklake.infrastructure.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The policies of {@code docs/iam/}, the one place the connectors' permissions are written (integration-tests'
 * {@code IamPolicyIT} checks the sink's against every call the sink makes), rendered for a deployment's names.
 * Each ARN is rewritten part by part: its region and account, and by service the bucket and prefix (S3), the
 * database (Glue), the cluster and the topic, group and transactional ID names (Kafka: the connectors' names inside
 * MSK Connect's own) or the whole key (KMS). A name that appears where no rule expects it stays as written, which
 * the stack tests catch by rendering with names unlike the examples.
 */
public final class PolicyDocuments {

    /** The policy files, as packaged from docs/iam/. */
    public enum File {
        SINK("sink-policy.json"),
        SINK_KMS("sink-kms-policy.json"),
        MSK_CONNECT_TRUST("msk-connect-execution-role.json"),
        MSK_CONNECT_SOURCE_KAFKA_ACCESS("msk-connect-source-kafka-access-policy.json"),
        MSK_CONNECT_SINK_KAFKA_ACCESS("msk-connect-sink-kafka-access-policy.json");

        private final String fileName;

        File(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyNames EXAMPLE = PolicyNames.EXAMPLE;
    /** What MSK Connect's internal topics, worker group and transactional IDs start with or contain. */
    private static final String MSK_CONNECT_INTERNAL = "__amazon_msk_connect_";
    /** Connect names a sink's consumer group after the connector. */
    private static final String SINK_GROUP_PREFIX = "connect-";

    private PolicyDocuments() {}

    /** The file as written (the example names). */
    public static JsonNode read(File file) {
        String resource = "/iam/" + file.fileName();
        try (InputStream in = PolicyDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("policy " + resource + " is not packaged (docs/iam/ in the build)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + resource, e);
        }
    }

    /** The file's document with every example name replaced by the deployment's. */
    public static JsonNode render(File file, PolicyNames names) {
        return rewrite(read(file), names);
    }

    /** As {@link #render}, in the form CloudFormation properties take. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> renderForTemplate(File file, PolicyNames names) {
        return JSON.convertValue(render(file, names), Map.class);
    }

    private static JsonNode rewrite(JsonNode node, PolicyNames names) {
        if (node.isTextual()) {
            return TextNode.valueOf(rewrite(node.asText(), names));
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(rewrite(item, names)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), rewrite(field.getValue(), names));
            }
            return copy;
        }
        return node;
    }

    static String rewrite(String value, PolicyNames names) {
        if (value.startsWith("arn:")) {
            return rewriteArn(value, names);
        }
        if (value.equals(EXAMPLE.account())) {
            return names.account();
        }
        // s3:prefix condition values: "<prefix>/..."
        if (value.startsWith(EXAMPLE.prefix() + "/")) {
            return names.prefix() + value.substring(EXAMPLE.prefix().length());
        }
        return value;
    }

    private static String rewriteArn(String arn, PolicyNames names) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        String service = parts[2];
        if (service.equals("kms") && EXAMPLE.kmsKeyArn().map(arn::equals).orElse(false)) {
            return names.kmsKeyArn()
                    .orElseThrow(() -> new IllegalArgumentException("a KMS policy needs the lake's KMS key"));
        }
        String region = parts[3].equals(EXAMPLE.region()) ? names.region() : parts[3];
        String account = parts[4].equals(EXAMPLE.account()) ? names.account() : parts[4];
        String resource = switch (service) {
            case "s3" -> s3Resource(parts[5], names);
            case "glue" -> glueResource(parts[5], names);
            case "kafka" -> kafkaResource(parts[5], names);
            default -> parts[5];
        };
        return String.join(":", parts[0], parts[1], service, region, account, resource);
    }

    /** {@code bucket} or {@code bucket/prefix/...}. */
    private static String s3Resource(String resource, PolicyNames names) {
        String[] path = resource.split("/", -1);
        if (path[0].equals(EXAMPLE.bucket())) {
            path[0] = names.bucket();
        }
        if (path.length > 1 && path[1].equals(EXAMPLE.prefix())) {
            path[1] = names.prefix();
        }
        return String.join("/", path);
    }

    /** {@code catalog}, {@code database/db}, {@code table/db/table}. */
    private static String glueResource(String resource, PolicyNames names) {
        String[] path = resource.split("/", -1);
        if (path.length > 1 && path[1].equals(EXAMPLE.database())) {
            path[1] = names.database();
        }
        return String.join("/", path);
    }

    /**
     * {@code cluster/name/uuid}, {@code topic/name/uuid/topic}, {@code group/name/uuid/group},
     * {@code transactional-id/name/uuid/id}.
     */
    private static String kafkaResource(String resource, PolicyNames names) {
        String[] path = resource.split("/", -1);
        if (path.length > 1 && EXAMPLE.cluster().map(path[1]::equals).orElse(false)) {
            path[1] = names.cluster()
                    .orElseThrow(
                            () -> new IllegalArgumentException("a Kafka access policy needs the MSK cluster's name"));
        }
        if (path.length > 3) {
            path[3] = kafkaName(path[3], names);
        }
        return String.join("/", path);
    }

    /** A topic, group or transactional ID (pattern) of the example, for the deployment's names. */
    private static String kafkaName(String name, PolicyNames names) {
        if (name.equals(EXAMPLE.ticksTopic())) {
            return names.ticksTopic();
        }
        if (name.equals(EXAMPLE.deadLetterTopic())) {
            return names.deadLetterTopic();
        }
        if (name.equals(SINK_GROUP_PREFIX + EXAMPLE.sinkConnector())) {
            return SINK_GROUP_PREFIX + names.sinkConnector();
        }
        if (name.contains(MSK_CONNECT_INTERNAL)) {
            // One connector's names per pattern (each policy is one connector's).
            if (name.contains(EXAMPLE.sourceConnector())) {
                return name.replace(EXAMPLE.sourceConnector(), names.sourceConnector());
            }
            return name.replace(EXAMPLE.sinkConnector(), names.sinkConnector());
        }
        return name;
    }
}
