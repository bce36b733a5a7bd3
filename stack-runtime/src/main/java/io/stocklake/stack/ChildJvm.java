package io.stocklake.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
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
    /** Where the main class and its arguments go when they carry secrets; null when they are on the command line. */
    private final Path argumentFile;

    private final List<String> mainAndArgs;
    private final Path logFile;
    private Process process;
    private long logOffsetAtStart;

    ChildJvm(String name, KafkaRuntime runtime, String heap, String mainClass, List<String> args, Path logFile) {
        this(name, runtime, heap, mainClass, args, logFile, null);
    }

    /**
     * A process whose main class and arguments the {@code java} launcher reads from {@code argumentFile} (an
     * {@code @file}, readable by this user alone and deleted once a run to completion ends), because they carry
     * secrets a command line would show every local user.
     */
    ChildJvm(
            String name,
            KafkaRuntime runtime,
            String heap,
            String mainClass,
            List<String> args,
            Path logFile,
            Path argumentFile) {
        this.name = name;
        this.logFile = logFile;
        this.argumentFile = argumentFile;
        List<String> main = new ArrayList<>();
        main.add(WATCHED_MAIN);
        main.add(mainClass);
        main.addAll(args);
        this.mainAndArgs = List.copyOf(main);
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + runtime.loggingConfig().toUri());
        cmd.add("-cp");
        cmd.add(runtime.classpath());
        if (argumentFile == null) {
            cmd.addAll(mainAndArgs);
        } else {
            cmd.add("@" + argumentFile);
        }
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
            if (argumentFile != null) {
                writeArgumentFile();
            }
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
        int exit;
        try {
            exit = waitFor(timeout);
        } finally {
            deleteArgumentFile();
        }
        if (exit != 0) {
            throw new IllegalStateException(name + " exited with " + exit + "; see " + logFile);
        }
    }

    private void writeArgumentFile() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String arg : mainAndArgs) {
            lines.append('"')
                    .append(arg.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        Files.deleteIfExists(argumentFile);
        Files.createFile(
                argumentFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(argumentFile, lines, StandardCharsets.UTF_8);
    }

    private void deleteArgumentFile() {
        if (argumentFile != null) {
            try {
                Files.deleteIfExists(argumentFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + argumentFile, e);
            }
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
