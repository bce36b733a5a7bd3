package io.stocklake.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), in a child JVM on
 * 127.0.0.1. Its log directory outlives restarts, so a restarted broker has all its data.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path workDir;
    private final Path configFile;
    /** The secured setup (SASL_SSL, mutual TLS controller, authorizer); null for a plaintext broker. */
    private final KafkaSecurity security;

    private final ChildJvm process;
    private final ChildJvm formatter;
    /** Where new ports come from until the first start succeeds; null when the caller fixed the ports. */
    private IntSupplier freePorts;

    private int port;
    private Path logDir;

    /** A broker on free ports, picked again when another process takes one before the broker binds it. */
    public KafkaBroker(KafkaRuntime runtime, Path workDir, Path logsDir) {
        this(runtime, workDir, logsDir, LoopbackPorts::free);
    }

    /** As {@link #KafkaBroker(KafkaRuntime, Path, Path)}, taking its ports from {@code freePorts}. */
    public KafkaBroker(KafkaRuntime runtime, Path workDir, Path logsDir, IntSupplier freePorts) {
        this(runtime, workDir, logsDir, freePorts, null);
    }

    /**
     * A broker on free ports secured by {@code security} (see {@link KafkaSecurity}); null for plaintext. Its
     * {@link #admin()} and {@link #clientConfig()} then log in as {@link KafkaSecurity#ADMIN}.
     */
    public KafkaBroker(
            KafkaRuntime runtime, Path workDir, Path logsDir, IntSupplier freePorts, KafkaSecurity security) {
        this(runtime, workDir, logsDir, freePorts.getAsInt(), freePorts.getAsInt(), security);
        this.freePorts = freePorts;
    }

    /** A broker on these ports, which it keeps across restarts. */
    public KafkaBroker(KafkaRuntime runtime, Path workDir, Path logsDir, int port, int controllerPort) {
        this(runtime, workDir, logsDir, port, controllerPort, null);
    }

    /** A broker on these ports, which it keeps across restarts, secured by {@code security} (null: plaintext). */
    public KafkaBroker(
            KafkaRuntime runtime, Path workDir, Path logsDir, int port, int controllerPort, KafkaSecurity security) {
        this.workDir = workDir;
        this.configFile = workDir.resolve("broker.properties");
        this.security = security;
        configure(port, controllerPort, workDir.resolve("kafka-data"));
        Path logFile = logsDir.resolve("broker.log");
        List<String> format = new ArrayList<>(List.of(
                "format",
                "--standalone",
                "--ignore-formatted",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                configFile.toString()));
        if (security != null) {
            format.addAll(security.formatArguments());
        }
        this.formatter = new ChildJvm(
                "kafka-storage-format",
                runtime,
                "256m",
                "kafka.tools.StorageTool",
                format,
                logFile,
                security == null ? null : workDir.resolve("kafka-storage-format.args"));
        this.process =
                new ChildJvm("kafka-broker", runtime, "768m", "kafka.Kafka", List.of(configFile.toString()), logFile);
    }

    /**
     * Formats the log directory on first start, starts the broker and waits until it answers. A broker on picked
     * ports that finds one taken at its first start is started again on new ports and a new log directory, since
     * the format records the controller's address; once started, it keeps its ports.
     */
    public KafkaBroker start() {
        if (freePorts == null) {
            startOnce();
        } else {
            LoopbackPorts.retryWhenTaken("Kafka broker", attempt -> {
                if (attempt > 1) {
                    configure(freePorts.getAsInt(), freePorts.getAsInt(), workDir.resolve("kafka-data-" + attempt));
                }
                startOnce();
            });
            freePorts = null;
        }
        if (security != null) {
            try (Admin admin = admin()) {
                security.createPrincipals(admin);
            }
        }
        return this;
    }

    private void startOnce() {
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            formatter.runToCompletion(STARTUP);
        }
        process.start();
        awaitReady();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** Kills the broker without a clean shutdown. */
    public void kill() {
        process.kill();
    }

    public void restart() {
        stop();
        start();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** An admin client for this broker (as {@link KafkaSecurity#ADMIN} on a secured one); the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(config);
    }

    /**
     * What a client in this JVM needs to reach the broker: its address and, on a secured broker, TLS and the
     * admin's login. A new map the caller may add to.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security != null) {
            config.putAll(security.clientConfig(KafkaSecurity.ADMIN));
        }
        return config;
    }

    /** The secured setup, or null for a plaintext broker. */
    public KafkaSecurity security() {
        return security;
    }

    /** Creates a topic with this many partitions (replication factor 1) and waits until it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
    }

    /** As {@link #createTopic}, leaving an existing topic as it is. */
    public void createTopicIfAbsent(String name, int partitions) {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name)) {
                createTopic(name, partitions);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (process.exitedOnTakenPort()) {
                throw new PortTakenException("Kafka broker could not bind " + bootstrapServers() + " or its controller"
                        + " port; see " + logFile());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during startup; see " + logFile());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                sleep(Duration.ofMillis(250));
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + STARTUP + "; see " + logFile(), last);
    }

    private void configure(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.logDir = logDir;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (security != null) {
            security.brokerProperties(port, controllerPort).forEach(p::setProperty);
        }
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        // Simulated ticks carry event times months or years back; time-based retention would delete them within
        // minutes (the check runs every 5 minutes and also drops an expired active segment). Keep data by size.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.bytes", String.valueOf(1L << 30));
        try {
            Files.createDirectories(configFile.getParent());
            try (Writer out = Files.newBufferedWriter(configFile)) {
                p.store(out, "Single-node KRaft broker for tests and the local stack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
