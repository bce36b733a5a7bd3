package io.stocklake.testing;

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

/**
 * One Kafka Connect worker in distributed mode ({@code ConnectDistributed}) in a child JVM, with its REST API
 * on 127.0.0.1. It keeps its port and configuration across restarts, as a restarted machine would.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String id;
    private final int restPort;
    private final ChildJvm process;

    ConnectWorker(String id, KafkaRuntime runtime, Map<String, String> workerConfig, String heap, int restPort,
                  Path workDir, Path logsDir) {
        this.id = id;
        this.restPort = restPort == 0 ? LoopbackPorts.free() : restPort;
        Path configFile = workDir.resolve(id + ".properties");
        Properties p = new Properties();
        p.putAll(workerConfig);
        p.setProperty("listeners", "http://127.0.0.1:" + this.restPort);
        p.setProperty("rest.advertised.host.name", "127.0.0.1");
        p.setProperty("rest.advertised.port", String.valueOf(this.restPort));
        write(p, configFile);
        this.process = new ChildJvm(id, runtime, heap, "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(configFile.toString()), logsDir.resolve(id + ".log"));
    }

    /** Starts the worker and waits until its REST API serves requests. */
    public ConnectWorker start() {
        process.start();
        awaitReady();
        return this;
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
