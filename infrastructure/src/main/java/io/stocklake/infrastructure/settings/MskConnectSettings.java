package io.stocklake.infrastructure.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The existing MSK cluster the connectors run against on MSK Connect, and how they run there.
 *
 * @param clusterArn        {@code arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>}
 * @param bootstrapServers  the cluster's bootstrap brokers for {@code authentication} (port 9098 for IAM)
 * @param sourcePluginZip   the source's release archive ({@code ./mvnw package})
 * @param sinkPluginZip     the sink's release archive
 */
public record MskConnectSettings(String clusterArn, String bootstrapServers, List<String> subnetIds,
                                 List<String> securityGroupIds, Authentication authentication,
                                 String kafkaConnectVersion, int mcuCount, int workerCount, Path sourcePluginZip,
                                 Path sinkPluginZip) {

    /** How the workers authenticate to the cluster: IAM access control, or none (plaintext inside the VPC). */
    public enum Authentication { IAM, NONE }

    public static final String DEFAULT_KAFKA_CONNECT_VERSION = "3.7.x";
    public static final int DEFAULT_MCU_COUNT = 1;
    public static final int DEFAULT_WORKER_COUNT = 1;

    private static final Pattern CLUSTER_ARN =
            Pattern.compile("arn:aws[a-z-]*:kafka:[a-z0-9-]+:\\d{12}:cluster/([^/]+)/[^/]+");

    public MskConnectSettings {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        clusterName(clusterArn);
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("mskSubnetIds: MSK Connect needs the subnets of the cluster's VPC");
        }
        if (securityGroupIds.isEmpty()) {
            throw new IllegalArgumentException("mskSecurityGroupIds: MSK Connect needs a security group that "
                    + "reaches the brokers");
        }
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("mskBootstrapServers: the cluster's bootstrap brokers are needed");
        }
    }

    /** Present when the context names a cluster ({@code mskClusterArn}); MSK Connect is left out otherwise. */
    static Optional<MskConnectSettings> from(Context context, Path defaultSourceZip, Path defaultSinkZip) {
        return context.text("mskClusterArn").map(arn -> new MskConnectSettings(
                arn,
                context.text("mskBootstrapServers", ""),
                context.list("mskSubnetIds"),
                context.list("mskSecurityGroupIds"),
                authentication(context.text("mskAuthentication", "iam")),
                context.text("kafkaConnectVersion", DEFAULT_KAFKA_CONNECT_VERSION),
                (int) context.number("connectorMcuCount", DEFAULT_MCU_COUNT),
                (int) context.number("connectorWorkerCount", DEFAULT_WORKER_COUNT),
                context.text("sourcePluginZip").map(Path::of).orElse(defaultSourceZip),
                context.text("sinkPluginZip").map(Path::of).orElse(defaultSinkZip)));
    }

    public String clusterName() {
        return clusterName(clusterArn);
    }

    private static String clusterName(String arn) {
        Matcher m = CLUSTER_ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("mskClusterArn must be an MSK cluster ARN "
                    + "(arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), not " + arn);
        }
        return m.group(1);
    }

    private static Authentication authentication(String value) {
        try {
            return Authentication.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mskAuthentication must be iam or none, not " + value, e);
        }
    }
}
