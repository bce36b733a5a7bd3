package io.stocklake.infrastructure.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MSK cluster the connectors run against on MSK Connect (an existing one, or one the app creates), and how
 * they run there.
 *
 * @param clusterName       the cluster's name, which IAM's Kafka resources and the lag alarm use
 * @param existingCluster   the ARN and bootstrap brokers of a cluster the account has; empty where the app
 *                          creates {@code newCluster}
 * @param newCluster        the cluster to create (IAM access control), empty for an existing one
 * @param subnetIds         the VPC subnets the connectors (and a new cluster's brokers, one per subnet) run in
 * @param sourcePluginZip   the source's release archive ({@code ./mvnw package})
 * @param sinkPluginZip     the sink's release archive
 */
public record MskConnectSettings(
        String clusterName,
        Optional<ExistingCluster> existingCluster,
        Optional<NewCluster> newCluster,
        List<String> subnetIds,
        List<String> securityGroupIds,
        Authentication authentication,
        String kafkaConnectVersion,
        int mcuCount,
        int workerCount,
        Path sourcePluginZip,
        Path sinkPluginZip) {

    /** How the workers authenticate to the cluster: IAM access control, or none (plaintext inside the VPC). */
    public enum Authentication {
        IAM,
        NONE
    }

    /**
     * @param arn              {@code arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>}
     * @param bootstrapServers its bootstrap brokers for the connectors' authentication (port 9098 for IAM)
     */
    public record ExistingCluster(String arn, String bootstrapServers) {}

    /** A provisioned cluster with IAM access control and TLS, one broker per subnet. */
    public record NewCluster(String kafkaVersion, String brokerInstanceType, int brokerVolumeGiB) {

        public static final String DEFAULT_KAFKA_VERSION = "3.9.x";
        public static final String DEFAULT_BROKER_INSTANCE_TYPE = "kafka.t3.small";
        public static final int DEFAULT_BROKER_VOLUME_GIB = 100;
    }

    public static final String DEFAULT_KAFKA_CONNECT_VERSION = "3.7.x";
    public static final int DEFAULT_MCU_COUNT = 1;
    public static final int DEFAULT_WORKER_COUNT = 1;
    public static final String DEFAULT_NEW_CLUSTER_NAME = "stocklake";

    private static final Pattern CLUSTER_ARN =
            Pattern.compile("arn:aws[a-z-]*:kafka:[a-z0-9-]+:\\d{12}:cluster/([^/]+)/[^/]+");

    public MskConnectSettings {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        if (existingCluster.isPresent() == newCluster.isPresent()) {
            throw new IllegalArgumentException("either mskClusterArn (an existing cluster) or createMskCluster=true");
        }
        existingCluster.ifPresent(cluster -> {
            if (!nameInArn(cluster.arn()).equals(clusterName)) {
                throw new IllegalArgumentException("mskClusterArn names cluster " + nameInArn(cluster.arn()));
            }
            if (cluster.bootstrapServers().isBlank()) {
                throw new IllegalArgumentException("mskBootstrapServers: the cluster's bootstrap brokers are needed");
            }
        });
        if (newCluster.isPresent() && authentication != Authentication.IAM) {
            throw new IllegalArgumentException("mskAuthentication: a cluster the app creates uses iam");
        }
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("mskSubnetIds: MSK Connect needs the subnets of the cluster's VPC");
        }
        if (securityGroupIds.isEmpty()) {
            throw new IllegalArgumentException(
                    "mskSecurityGroupIds: MSK Connect needs a security group that " + "reaches the brokers");
        }
    }

    /**
     * Present when the context names a cluster ({@code mskClusterArn}) or asks for one ({@code createMskCluster});
     * MSK Connect is left out otherwise.
     */
    static Optional<MskConnectSettings> from(Context context, Path defaultSourceZip, Path defaultSinkZip) {
        Optional<String> arn = context.text("mskClusterArn");
        boolean create = context.flag("createMskCluster", false);
        if (arn.isEmpty() && !create) {
            return Optional.empty();
        }
        if (arn.isPresent() && create) {
            throw new IllegalArgumentException("createMskCluster=true and mskClusterArn: give one of them");
        }
        Optional<ExistingCluster> existing =
                arn.map(a -> new ExistingCluster(a, context.text("mskBootstrapServers", "")));
        Optional<NewCluster> created = create
                ? Optional.of(new NewCluster(
                        context.text("mskKafkaVersion", NewCluster.DEFAULT_KAFKA_VERSION),
                        context.text("mskBrokerInstanceType", NewCluster.DEFAULT_BROKER_INSTANCE_TYPE),
                        (int) context.number("mskBrokerVolumeGiB", NewCluster.DEFAULT_BROKER_VOLUME_GIB)))
                : Optional.empty();
        String name = arn.map(MskConnectSettings::nameInArn)
                .orElseGet(() -> context.text("mskClusterName", DEFAULT_NEW_CLUSTER_NAME));
        return Optional.of(new MskConnectSettings(
                name,
                existing,
                created,
                context.list("mskSubnetIds"),
                context.list("mskSecurityGroupIds"),
                authentication(context.text("mskAuthentication", "iam")),
                context.text("kafkaConnectVersion", DEFAULT_KAFKA_CONNECT_VERSION),
                (int) context.number("connectorMcuCount", DEFAULT_MCU_COUNT),
                (int) context.number("connectorWorkerCount", DEFAULT_WORKER_COUNT),
                context.text("sourcePluginZip").map(Path::of).orElse(defaultSourceZip),
                context.text("sinkPluginZip").map(Path::of).orElse(defaultSinkZip)));
    }

    /** The name in an MSK cluster ARN. */
    public static String nameInArn(String arn) {
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
