package io.stocklake.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;

/**
 * One Kafka Connect worker in distributed mode ({@code ConnectDistributed}) in a child JVM, with its REST API
 * on 127.0.0.1. It keeps its port and configuration across restarts, as a restarted machine would.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String id;
    private final Map<String, String> workerConfig;
    private final Path configFile;
    private final ChildJvm process;
    /** Where a new REST port comes from until the first start succeeds; null once the port is fixed. */
    private IntSupplier freePorts;

    private int restPort;

    /** A worker on this REST port, which it keeps across restarts. */
    ConnectWorker(
            String id,
            KafkaRuntime runtime,
            Map<String, String> workerConfig,
            String heap,
            int restPort,
            Path workDir,
            Path logsDir) {
        this.id = id;
        this.workerConfig = Map.copyOf(workerConfig);
        this.configFile = workDir.resolve(id + ".properties");
        listenOn(restPort);
        this.process = new ChildJvm(
                id,
                runtime,
                heap,
                "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(configFile.toString()),
                logsDir.resolve(id + ".log"));
    }

    /** A worker on a REST port from {@code freePorts}, picked again if another process takes it first. */
    ConnectWorker(
            String id,
            KafkaRuntime runtime,
            Map<String, String> workerConfig,
            String heap,
            IntSupplier freePorts,
            Path workDir,
            Path logsDir) {
        this(id, runtime, workerConfig, heap, freePorts.getAsInt(), workDir, logsDir);
        this.freePorts = freePorts;
    }

    /**
     * Starts the worker and waits until its REST API serves requests. A worker on a picked port that finds it
     * taken at its first start is started again on a new one; once started, it keeps its port.
     */
    public ConnectWorker start() {
        if (freePorts == null) {
            startOnce();
        } else {
            LoopbackPorts.retryWhenTaken("Connect worker " + id, attempt -> {
                if (attempt > 1) {
                    listenOn(freePorts.getAsInt());
                }
                startOnce();
            });
            freePorts = null;
        }
        return this;
    }

    private void startOnce() {
        process.start();
        awaitReady();
    }

    private void listenOn(int port) {
        this.restPort = port;
        Properties p = new Properties();
        p.putAll(workerConfig);
        p.setProperty("listeners", "http://127.0.0.1:" + port);
        p.setProperty("rest.advertised.host.name", "127.0.0.1");
        p.setProperty("rest.advertised.port", String.valueOf(port));
        write(p, configFile);
    }

    /** A clean shutdown: tasks are stopped and the worker leaves the group. */
    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    /** SIGKILL: tasks stop mid-work, nothing is flushed or committed, the group notices by timeout. */
    public void kill() {
        process.kill();
    }

    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public String id() {
        return id;
    }

    /** The worker JVM's process id, e.g. to attach a profiler or JMX client to it; it changes on restart. */
    public long pid() {
        return process.pid();
    }

    /** The worker id Connect reports in statuses. */
    public String workerId() {
        return "127.0.0.1:" + restPort;
    }

    public URI restUri() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    public ConnectRest rest() {
        return new ConnectRest(restUri());
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return process + " at " + restUri();
    }

    private void awaitReady() {
        ConnectRest rest = rest();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (process.exitedOnTakenPort()) {
                throw new PortTakenException(
                        "Connect worker " + id + " could not bind " + restUri() + "; see " + logFile());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Connect worker " + id + " exited during startup; see " + logFile());
            }
            if (rest.isReady()) {
                return;
            }
            KafkaBroker.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Connect worker " + id + " not ready after " + STARTUP + "; see " + logFile());
    }

    private static void write(Properties properties, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Kafka Connect distributed worker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
