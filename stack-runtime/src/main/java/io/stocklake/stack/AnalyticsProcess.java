package io.stocklake.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The analytics application ({@code stock-analytics}) as users run it: a JVM on its unpacked archive ({@code lib/},
 * {@code config/}) with a properties file. It runs under the Kafka runtime's parent watch, so it ends with the JVM
 * that started it however that one ends. {@link #kill()} is SIGKILL: no chance to commit or clean up, like a crashed
 * machine.
 */
public final class AnalyticsProcess implements AutoCloseable {

    private static final String MAIN = "io.stocklake.analytics.StockAnalyticsMain";
    private static final String WATCHED_MAIN = "io.stocklake.runtime.ParentWatchedMain";

    private final List<String> command;
    private final Path logFile;
    private Process process;

    private AnalyticsProcess(List<String> command, Path logFile) {
        this.command = command;
        this.logFile = logFile;
    }

    /**
     * The application of the archive unpacked at {@code home} with these settings (written to {@code workDir}),
     * logging to {@code logFile}; not started.
     */
    public static AnalyticsProcess of(
            Path home, KafkaRuntime runtime, Map<String, String> settings, Path workDir, Path logFile) {
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException(
                    "No analytics archive at " + home + " (expected lib/ inside); build it " + "with ./mvnw package");
        }
        Path config = workDir.resolve("stock-analytics.properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try {
            Files.createDirectories(workDir);
            try (Writer out = Files.newBufferedWriter(config)) {
                properties.store(out, "stock-analytics");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        String classpath = home.resolve("lib") + "/*" + File.pathSeparator + watchJar(runtime);
        List<String> command = List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile="
                        + home.resolve("config/log4j2.properties").toUri(),
                "-cp",
                classpath,
                WATCHED_MAIN,
                MAIN,
                config.toString());
        return new AnalyticsProcess(command, logFile);
    }

    /** Starts it; output is appended to the log file, so a restart keeps one history. */
    public synchronized AnalyticsProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("The analytics are already running");
        }
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the analytics", e);
        }
        return this;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits until it is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, so Kafka Streams closes cleanly; SIGKILL if that takes too long. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The Kafka runtime's own jar, which holds the parent watch (the rest of its lib/ is Kafka's). */
    private static Path watchJar(KafkaRuntime runtime) {
        Path lib = runtime.home().resolve("lib");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "kafka-runtime-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + lib, e);
        }
        throw new IllegalStateException("No kafka-runtime jar in " + lib);
    }
}
