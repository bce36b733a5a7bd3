package io.stocklake.registry;

import io.stocklake.stack.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Apicurio Registry (the registry-server archive, in-memory storage) as a child JVM on 127.0.0.1 for one test class:
 * started before the first test without waiting for it, stopped after the last. {@link #apiUrl()} waits until it
 * answers ready.
 */
final class RegistryServer implements BeforeAllCallback, AfterAllCallback {

    static final String HOME_PROPERTY = "stocklake.registry.server";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Process process;
    private Path logFile;
    private int port;
    private boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path home = Paths.get(System.getProperty(HOME_PROPERTY, "target/registry-server"));
        Path runner = home.resolve("registry-server-runner.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("No registry runner at " + runner.toAbsolutePath()
                    + "; the build unpacks it (" + HOME_PROPERTY + ")");
        }
        Path logsDir = Paths.get(System.getProperty("stocklake.logs.dir", "target/it-logs"))
                .resolve(context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(logsDir);
        logFile = logsDir.resolve("registry.log").toAbsolutePath();
        port = LoopbackPorts.free();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx384m",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-jar",
                        runner.toAbsolutePath().toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
    }

    /** The registry's v2 REST API, the URL its serdes and converters are given; waits until it is ready. */
    synchronized String apiUrl() {
        if (!ready) {
            awaitReady();
            ready = true;
        }
        return base() + "/apis/registry/v2";
    }

    /**
     * Registers {@code schema} as the newest version of the Avro artifact {@code artifactId} in the default group:
     * a new artifact when there is none, a new version when its content differs from the newest one.
     */
    void registerAvro(String artifactId, String schema) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(apiUrl() + "/groups/default/artifacts?ifExists=RETURN_OR_UPDATE"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Registry-ArtifactId", artifactId)
                .header("X-Registry-ArtifactType", "AVRO")
                .POST(HttpRequest.BodyPublishers.ofString(schema))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "The registry refused " + artifactId + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The registry was not ready within " + START_TIMEOUT + "; see " + logFile);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while stopping the registry", e));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
