package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.testing.LoopbackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} as a newcomer runs it: the script starts the whole pipeline, data lands in S3 and Glue,
 * a shipped Athena query answers through Trino's JDBC driver, and Ctrl-C (SIGINT) stops everything.
 */
class RunLocalIT {

    private static final Duration FIRST_DATA_DEADLINE = Duration.ofMinutes(6);

    @TempDir
    Path dataDir;

    @Test
    void runLocalServesQueryableTicksAndStopsCleanly() throws Exception {
        Path project = Paths.get(System.getProperty("stocklake.project.dir")).toAbsolutePath();
        int kafka = LoopbackPorts.free();
        int controller = LoopbackPorts.free();
        int connect = LoopbackPorts.free();
        int s3 = LoopbackPorts.free();
        int glue = LoopbackPorts.free();
        int trino = LoopbackPorts.free();
        ProcessBuilder builder = new ProcessBuilder(project.resolve("run-local").toString(),
                "--data-dir", dataDir.toString(),
                "--kafka-port", String.valueOf(kafka), "--controller-port", String.valueOf(controller),
                "--connect-port", String.valueOf(connect), "--s3-port", String.valueOf(s3),
                "--glue-port", String.valueOf(glue), "--trino-port", String.valueOf(trino))
                .directory(project.toFile())
                .redirectErrorStream(true);
        builder.environment().put("RUN_LOCAL_SKIP_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));

        Instant start = Instant.now();
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process, output), "run-local-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String sql = Files.readString(project.resolve("athena/vwap_hourly.sql"));
            String day = LocalDate.now(ZoneOffset.UTC).toString();
            List<List<String>> rows = awaitRows(process, output, () -> LocalQuery.execute("http://127.0.0.1:" + trino, sql, List.of(day)));
            Duration firstData = Duration.between(start, Instant.now());
            System.out.printf("run-local: first ticks queryable through Trino %.1f s after start%n", firstData.toMillis() / 1000.0);

            assertThat(rows.get(0)).containsExactly("symbol", "hour", "vwap", "volume", "trades");
            assertThat(rows.size()).isGreaterThan(1);
            assertThat(output).anyMatch(line -> line.contains("Started in"));
        } finally {
            List<ProcessHandle> children = process.descendants().toList();
            interrupt(process);
            // A shell without job control may start us with SIGINT ignored; SIGTERM runs the same shutdown hook.
            boolean exited = process.waitFor(20, TimeUnit.SECONDS) || terminate(process);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("run-local stopped within 90 s; output:%n%s", String.join("\n", output)).isTrue();
            reader.join(Duration.ofSeconds(10).toMillis());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            assertThat(children).as("broker, worker and every other child process ended").noneMatch(ProcessHandle::isAlive);
        }
        for (int port : List.of(kafka, connect, s3, glue, trino)) {
            assertThat(PortCheck.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    private static boolean terminate(Process process) throws InterruptedException {
        process.destroy();
        return process.waitFor(70, TimeUnit.SECONDS);
    }

    /** Ctrl-C, as a person stops it. */
    private static void interrupt(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    private static List<List<String>> awaitRows(Process process, List<String> output, Query query) throws Exception {
        Instant deadline = Instant.now().plus(FIRST_DATA_DEADLINE);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("run-local is running; output:%n%s", String.join("\n", output)).isTrue();
            if (output.stream().anyMatch(line -> line.contains("Started in"))) {
                try {
                    List<List<String>> rows = query.run();
                    if (rows.size() > 1) {
                        return rows;
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("No queryable ticks within " + FIRST_DATA_DEADLINE + "; output:\n"
                + String.join("\n", output), last);
    }

    private static void readLines(Process process, List<String> sink) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                sink.add(line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    private interface Query {
        List<List<String>> run() throws Exception;
    }
}
