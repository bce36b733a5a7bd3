package io.stocklake.local;

import io.stocklake.stack.LoopbackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code ./run-local} started as a person starts it, on free loopback ports, and stopped with Ctrl-C. */
final class RunLocalProcess implements AutoCloseable {

    final int kafka = LoopbackPorts.free();
    final int controller = LoopbackPorts.free();
    final int connect = LoopbackPorts.free();
    final int s3 = LoopbackPorts.free();
    final int glue = LoopbackPorts.free();
    final int trino = LoopbackPorts.free();
    final int dashboard = LoopbackPorts.free();
    final List<String> output = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Thread reader;

    RunLocalProcess(Path project, Path dataDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        project.resolve("run-local").toString(),
                        "--data-dir",
                        dataDir.toString(),
                        "--kafka-port",
                        String.valueOf(kafka),
                        "--controller-port",
                        String.valueOf(controller),
                        "--connect-port",
                        String.valueOf(connect),
                        "--s3-port",
                        String.valueOf(s3),
                        "--glue-port",
                        String.valueOf(glue),
                        "--trino-port",
                        String.valueOf(trino),
                        "--dashboard-port",
                        String.valueOf(dashboard))
                .directory(project.toFile())
                .redirectErrorStream(true);
        builder.environment().put("RUN_LOCAL_SKIP_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        reader = new Thread(this::readLines, "run-local-output");
        reader.setDaemon(true);
        reader.start();
    }

    Process process() {
        return process;
    }

    boolean started() {
        return output.stream().anyMatch(line -> line.contains("Started in"));
    }

    String outputText() {
        return String.join("\n", output);
    }

    /** Waits for "Started in", failing with the output if the script ends or the deadline passes. */
    void awaitStarted(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!started()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("run-local did not start; output:\n" + outputText());
            }
            Thread.sleep(500);
        }
    }

    /** The Connect worker's JVM among the script's descendants. */
    ProcessHandle worker() {
        return process.descendants()
                .filter(p ->
                        p.info().commandLine().orElse("").contains("org.apache.kafka.connect.cli.ConnectDistributed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No Connect worker process under run-local"));
    }

    /** Ctrl-C, as a person stops it; SIGTERM if SIGINT is ignored; true when it exited. */
    boolean stop() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            process.destroy();
            exited = process.waitFor(70, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(10).toMillis());
        return exited;
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        if (!stop()) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void readLines() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }
}
