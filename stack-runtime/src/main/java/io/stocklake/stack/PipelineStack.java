package io.stocklake.stack;

import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The whole pipeline's servers on 127.0.0.1: a KRaft broker and a distributed Connect cluster (child JVMs), an S3
 * server and optionally the Glue endpoint (in this JVM), started with {@link #start(String)} and stopped with
 * {@link #close()}.
 *
 * <pre>{@code
 * try (PipelineStack stack = PipelineStack.builder().workers(2).withGlue().build().start("sink-benchmark")) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The S3 server and the Glue endpoint ({@link Builder#withGlue()}) accept the same credentials,
 * {@link S3Server#ACCESS_KEY} and {@link S3Server#SECRET_KEY} unless {@link Builder#credentials} names others, and
 * check their signatures.
 *
 * <p>Connectors are loaded only from {@code plugin.path} (the unpacked plugin archives), as users load them.
 * Each process logs to its own file under {@link #logsDir()}.
 */
public final class PipelineStack implements AutoCloseable {

    public static final String PLUGIN_PATH_PROPERTY = "stocklake.plugin.path";
    public static final String LOGS_DIR_PROPERTY = "stocklake.logs.dir";

    private final int workerCount;
    private final Map<String, String> workerOverrides;
    private final String workerHeap;
    private final boolean withS3;
    private final boolean withGlue;
    private final String accessKey;
    private final String secretKey;
    private final String workerPrincipal;
    private final Set<String> principals;
    private final List<AclBinding> acls;

    private Path logsDir;
    private Path workDir;
    private KafkaBroker broker;
    private ConnectCluster connect;
    private S3Server s3;
    private GlueEndpoint glue;

    private PipelineStack(Builder builder) {
        this.workerCount = builder.workers;
        this.workerOverrides = Map.copyOf(builder.workerOverrides);
        this.workerHeap = builder.workerHeap;
        this.withS3 = builder.withS3;
        this.withGlue = builder.withGlue;
        this.accessKey = builder.accessKey;
        this.secretKey = builder.secretKey;
        this.workerPrincipal = builder.workerPrincipal;
        this.principals = Set.copyOf(builder.principals);
        this.acls = List.copyOf(builder.acls);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts broker, S3 and workers; {@code name} names the folder of their logs under
     * {@value #LOGS_DIR_PROPERTY}.
     */
    public PipelineStack start(String name) {
        try {
            logsDir = Paths.get(System.getProperty(LOGS_DIR_PROPERTY, "target/it-logs"))
                    .toAbsolutePath()
                    .resolve(name);
            Files.createDirectories(logsDir);
            workDir = Files.createTempDirectory("stocklake-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaRuntime runtime = KafkaRuntime.fromSystemProperty();
        Path pluginPath = pluginPath();

        CompletableFuture<S3Server> s3Start = withS3
                ? CompletableFuture.supplyAsync(
                        () -> S3Server.inMemory(accessKey, secretKey).start())
                : CompletableFuture.completedFuture(null);
        if (withGlue) {
            try {
                glue = GlueEndpoint.start(GlueEndpointConfig.defaults().withCredentials(accessKey, secretKey));
            } catch (IOException e) {
                throw new UncheckedIOException("Glue endpoint did not start", e);
            }
        }
        Map<String, String> workers = new HashMap<>();
        KafkaSecurity security = null;
        if (workerPrincipal != null) {
            Set<String> all = new HashSet<>(principals);
            all.add(workerPrincipal);
            security = KafkaSecurity.generate(workDir.resolve("security"), all);
            workers.putAll(security.workerConfig(workerPrincipal));
        }
        workers.putAll(workerOverrides);
        broker = new KafkaBroker(runtime, workDir, logsDir, LoopbackPorts::free, security).start();
        if (!acls.isEmpty()) {
            try (Admin admin = broker.admin()) {
                admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the stack's ACLs", e);
            }
        }
        s3 = s3Start.join();
        connect = new ConnectCluster(
                        runtime,
                        broker.bootstrapServers(),
                        pluginPath,
                        workerCount,
                        LoopbackPorts::free,
                        workers,
                        workerHeap,
                        workDir,
                        logsDir)
                .start();
        return this;
    }

    /** Stops workers, broker, S3 and Glue, and deletes their data. */
    @Override
    public void close() {
        try (AutoCloseable catalog = glue;
                AutoCloseable s3Server = s3;
                AutoCloseable kafka = broker;
                AutoCloseable workers = connect) {
            // Closed in reverse order: workers, then broker, then S3, then Glue.
        } catch (Exception e) {
            throw new IllegalStateException("Stack did not stop cleanly; see " + logsDir, e);
        } finally {
            deleteRecursively(workDir);
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public ConnectCluster connect() {
        return connect;
    }

    /** The Glue endpoint on 127.0.0.1 (in memory, for this class only); needs {@link Builder#withGlue()}. */
    public GlueEndpoint glue() {
        if (glue == null) {
            throw new IllegalStateException(
                    "This stack has no Glue endpoint; build it with PipelineStack.builder()" + ".withGlue()");
        }
        return glue;
    }

    /** The S3 server; none in a stack built {@link Builder#withoutS3() without} it. */
    public S3Server s3() {
        if (s3 == null) {
            throw new IllegalStateException("This stack was built without an S3 server");
        }
        return s3;
    }

    public Path logsDir() {
        return logsDir;
    }

    private static Path pluginPath() {
        String value = System.getProperty(PLUGIN_PATH_PROPERTY);
        if (value == null || !Files.isDirectory(Paths.get(value))) {
            throw new IllegalStateException("System property " + PLUGIN_PATH_PROPERTY + " must name the folder of"
                    + " unpacked plugin archives (the build sets it); got " + value);
        }
        return Paths.get(value).toAbsolutePath();
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private int workers = 2;
        private final Map<String, String> workerOverrides = new HashMap<>();
        private String workerHeap = "512m";
        private boolean withS3 = true;
        private boolean withGlue;
        private String accessKey = S3Server.ACCESS_KEY;
        private String secretKey = S3Server.SECRET_KEY;
        private String workerPrincipal;
        private final Set<String> principals = new HashSet<>();
        private final List<AclBinding> acls = new ArrayList<>();

        public Builder workers(int count) {
            this.workers = count;
            return this;
        }

        /** A Connect worker setting, e.g. {@code exactly.once.source.support=enabled}. */
        public Builder workerConfig(String key, String value) {
            workerOverrides.put(key, value);
            return this;
        }

        public Builder workerHeap(String heap) {
            this.workerHeap = heap;
            return this;
        }

        /** Also start a Glue-compatible endpoint in this JVM, see {@link PipelineStack#glue()}. */
        public Builder withGlue() {
            this.withGlue = true;
            return this;
        }

        /** The only credentials the S3 server and the Glue endpoint accept (see {@link S3Server#secretKey()}). */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKey = accessKeyId;
            this.secretKey = secretAccessKey;
            return this;
        }

        /** No S3 server, for users of Kafka alone (the source benchmark). */
        public Builder withoutS3() {
            this.withS3 = false;
            return this;
        }

        /**
         * A secured broker ({@link KafkaSecurity}: SASL_SSL with SCRAM-SHA-512, TLS made at start, StandardAuthorizer)
         * whose workers log in as {@code workerPrincipal}; {@code principals} are the connectors' own logins
         * ({@link KafkaSecurity#jaasConfigReference}); {@code acls} are created before the workers start, and
         * nothing else is allowed.
         */
        public Builder secured(String workerPrincipal, Set<String> principals, List<AclBinding> acls) {
            this.workerPrincipal = workerPrincipal;
            this.principals.addAll(principals);
            this.acls.addAll(acls);
            return this;
        }

        public PipelineStack build() {
            return new PipelineStack(this);
        }
    }
}
