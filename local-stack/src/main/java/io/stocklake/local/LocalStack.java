package io.stocklake.local;

import io.stocklake.stack.AnalyticsProcess;
import io.stocklake.stack.ConnectAcls;
import io.stocklake.stack.ConnectCluster;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.KafkaBroker;
import io.stocklake.stack.KafkaRuntime;
import io.stocklake.stack.KafkaSecurity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The running pipeline: the lake (S3, Glue, the query engine), a KRaft broker and one distributed Connect worker,
 * started in that order and stopped in reverse. Everything lives under the data directory.
 */
final class LocalStack implements AutoCloseable {

    static final String SOURCE_CONFIG = "stock-ticks-source.json";
    static final String SINK_CONFIG = "s3-glue-sink.json";
    static final String ANALYTICS_SINK_CONFIG = "s3-glue-sink-analytics.json";
    static final String COMPACTION_CONFIG = "compaction.json";
    /**
     * With --compaction the ticks land in minute partitions, so that one closes (and is compacted) every minute:
     * hourly partitions would keep a newcomer waiting up to an hour for the first compaction.
     */
    static final String MINUTE_PARTITIONS = "'dt'=yyyy-MM-dd/'hour'=HH/'minute'=mm";

    private static final int TOPIC_PARTITIONS = 3;
    private static final String GROUP_ID = "connect-local";
    /** The worker's principal with {@code --secure}; each connector logs in under its own name. */
    private static final String WORKER = "connect";

    private final LocalStackSettings settings;
    private final StartedParts started = new StartedParts();
    private KafkaBroker broker;
    private ConnectCluster connect;
    private LakeServices lake;
    private String sourceName;
    private String sinkName;
    private String compactionName;

    LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    Path logsDir() {
        return settings.dataDir().resolve("logs");
    }

    LocalStack start(Progress progress) throws Exception {
        Path data = settings.dataDir();
        Files.createDirectories(logsDir());
        Path secrets = writeSecrets(data.resolve("secrets"));
        KafkaRuntime runtime = new KafkaRuntime(settings.stackDir().resolve("kafka-runtime"));

        lake = new LakeServices(LakeSettings.of(settings));
        started.add(lake);
        lake.start(progress);

        ConnectorDeployer deployer = new ConnectorDeployer(
                settings.projectDir().resolve("connect-configs"),
                settings.stackDir().resolve("overlays"),
                Map.of(
                        "S3_ENDPOINT", settings.s3Endpoint(),
                        "GLUE_ENDPOINT", settings.glueEndpoint(),
                        "SECRETS_FILE", secrets.toString()));
        Map<String, String> source = deployer.config(SOURCE_CONFIG);
        Map<String, String> sink = deployer.config(SINK_CONFIG);
        if (settings.compaction()) {
            sink.put("path.format", MINUTE_PARTITIONS);
        }
        sourceName = deployer.name(SOURCE_CONFIG);
        sinkName = deployer.name(SINK_CONFIG);
        Map<String, String> worker = workerConfig();
        KafkaSecurity security = null;
        if (settings.secure()) {
            security = KafkaSecurity.generate(data.resolve("kafka-security"), Set.of(WORKER, sourceName, sinkName));
            worker.putAll(SecuredConnectors.workerConfig(security, WORKER, secrets.getParent(), source, sink));
            SecuredConnectors.ownPrincipal(security, sourceName, source, "producer");
            SecuredConnectors.ownPrincipal(security, sinkName, sink, "consumer", "producer", "admin");
            security.writeClientProperties(KafkaSecurity.ADMIN);
        }

        progress.step("Kafka broker (KRaft) on " + settings.bootstrapServers()
                + (security == null ? "" : ", SASL_SSL with SCRAM-SHA-512, ACLs per principal"));
        broker = new KafkaBroker(
                        runtime,
                        data.resolve("kafka"),
                        logsDir(),
                        settings.kafkaPort(),
                        settings.controllerPort(),
                        security)
                .start();
        started.add(broker);
        // Created before any client asks for them, so that no consumer's metadata request has the broker create one
        // with its default partition count.
        for (String topic : List.of(LocalStackSettings.TOPIC, "stock-bars-1m", "stock-alerts", "stock-analytics-dlq")) {
            createTopic(topic, TOPIC_PARTITIONS);
        }
        if (security != null) {
            String deadLetters = sink.get("errors.deadletterqueue.topic.name");
            createTopic(deadLetters, 1);
            List<AclBinding> acls = new ArrayList<>();
            acls.addAll(ConnectAcls.worker(WORKER, GROUP_ID, "connect-configs", "connect-offsets", "connect-status"));
            acls.addAll(ConnectAcls.source(sourceName, LocalStackSettings.TOPIC));
            acls.addAll(ConnectAcls.sink(sinkName, sinkName, LocalStackSettings.TOPIC, deadLetters));
            try (Admin admin = broker.admin()) {
                admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            }
        }

        progress.step("Kafka Connect (distributed) on " + settings.connectUrl());
        connect = new ConnectCluster(
                        runtime,
                        broker.bootstrapServers(),
                        settings.stackDir().resolve("plugins"),
                        List.of(settings.connectPort()),
                        worker,
                        "1g",
                        data.resolve("connect"),
                        logsDir())
                .start();
        started.add(connect);

        progress.step("Deploying connect-configs/" + SOURCE_CONFIG + " and " + SINK_CONFIG);
        ConnectRest rest = connect.rest();
        rest.putConnector(sourceName, source);
        rest.putConnector(sinkName, sink);
        if (settings.compaction()) {
            progress.step("Deploying connect-configs/" + COMPACTION_CONFIG
                    + " on minute partitions: each is compacted a few seconds after it ends");
            Map<String, String> compaction = deployer.config(COMPACTION_CONFIG);
            compaction.put("path.format", MINUTE_PARTITIONS);
            compactionName = deployer.name(COMPACTION_CONFIG);
            rest.putConnector(compactionName, compaction);
        }

        if (security == null) {
            progress.step(
                    "Analytics (Kafka Streams, exactly once): 1-minute bars and alerts, landed by connect-configs/"
                            + ANALYTICS_SINK_CONFIG);
            started.add(AnalyticsProcess.of(
                            settings.stackDir().resolve("stock-analytics"),
                            runtime,
                            analyticsSettings(data.resolve("analytics")),
                            data.resolve("analytics"),
                            logsDir().resolve("stock-analytics.log"))
                    .start());
            rest.putConnector(deployer.name(ANALYTICS_SINK_CONFIG), deployer.config(ANALYTICS_SINK_CONFIG));
        } else {
            progress.step("Analytics left out: with --secure they would need a principal and ACLs of their own");
        }
        return this;
    }

    ConnectRest connectRest() {
        return connect.rest();
    }

    StatusProbe statusProbe() {
        Admin admin = broker.admin();
        started.add(admin);
        var s3Client = lake.s3().client();
        started.add(s3Client);
        GlueClient glue = GlueClient.builder()
                .endpointOverride(URI.create(settings.glueEndpoint()))
                .region(Region.of(LocalStackSettings.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStackSettings.ACCESS_KEY, LocalStackSettings.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        started.add(glue);
        return new StatusProbe(
                admin,
                connect.rest(),
                s3Client,
                glue,
                LocalStackSettings.TOPIC,
                compactionName == null ? List.of(sourceName, sinkName) : List.of(sourceName, sinkName, compactionName),
                sinkName,
                "topics/" + LocalStackSettings.TABLE + "/");
    }

    /** Closes {@code part} first when the stack stops (parts added later close earlier). */
    void closeFirst(AutoCloseable part) {
        started.add(part);
    }

    Path workerLog() {
        return connect.worker(0).logFile();
    }

    @Override
    public void close() {
        started.close();
    }

    private Map<String, String> workerConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("group.id", GROUP_ID);
        // Connector configs name secrets as ${file:...}; the worker resolves them, the REST API never shows them.
        config.put("config.providers", "file");
        config.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return config;
    }

    /** The analytics' shipped defaults (topics, thresholds) with this machine's broker and data folder. */
    private Map<String, String> analyticsSettings(Path dir) {
        Map<String, String> config = new HashMap<>();
        config.put("application.id", "stock-analytics");
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("state.dir", dir.resolve("state").toString());
        config.put("ticks.topic", LocalStackSettings.TOPIC);
        return config;
    }

    private void createTopic(String name, int partitions)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Path writeSecrets(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("aws.properties");
        Files.writeString(
                file,
                "aws.access.key.id=" + LocalStackSettings.ACCESS_KEY + "\n" + "aws.secret.access.key="
                        + LocalStackSettings.SECRET_KEY + "\n");
        return file;
    }

    /** Reports each start step to the person watching. */
    interface Progress {
        void step(String what);
    }
}
