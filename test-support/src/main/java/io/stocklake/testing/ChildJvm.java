package io.stocklake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Java process started from the Kafka runtime, logging to its own file. Its standard input stays an open
 * pipe to this JVM: when this JVM ends, however it ends, the child sees end of stream and exits.
 */
final class ChildJvm {

    private static final String WATCHED_MAIN = "io.stocklake.runtime.ParentWatchedMain";

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private Process process;
    private long logOffsetAtStart;

    ChildJvm(String name, KafkaRuntime runtime, String heap, String mainClass, List<String> args, Path logFile) {
        this.name = name;
        this.logFile = logFile;
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + runtime.loggingConfig().toUri());
        cmd.add("-cp");
        cmd.add(runtime.classpath());
        cmd.add(WATCHED_MAIN);
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    /** Starts the process; its output is appended to the log file, so restarts keep one history. */
    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(logFile.getParent());
            logOffsetAtStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Runs the process to completion, failing when it exits with an error. */
    void runToCompletion(Duration timeout) {
        start();
        int exit = waitFor(timeout);
        if (exit != 0) {
            throw new IllegalStateException(name + " exited with " + exit + "; see " + logFile);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, so Kafka runs its shutdown hooks; SIGKILL if that takes too long. */
    synchronized void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        if (waitFor(grace) == Integer.MIN_VALUE) {
            kill();
        }
    }

    /** SIGKILL: the process gets no chance to clean up, like a crashed machine. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    Path logFile() {
        return logFile;
    }

    /** Whether the process has exited and its log since the last start says a port it wanted was taken. */
    synchronized boolean exitedOnTakenPort() {
        if (process == null || process.isAlive()) {
            return false;
        }
        try (SeekableByteChannel log = Files.newByteChannel(logFile)) {
            log.position(logOffsetAtStart);
            String output = new String(Channels.newInputStream(log).readAllBytes(), StandardCharsets.UTF_8);
            // The JDK's BindException message, which Kafka's socket server and Connect's Jetty both log.
            return output.contains("Address already in use");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    private int waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : Integer.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MIN_VALUE;
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (stopped)");
    }
}
