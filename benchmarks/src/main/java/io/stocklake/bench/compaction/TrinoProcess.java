package io.stocklake.bench.compaction;

import io.stocklake.stack.S3Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Trino (the Athena stand-in, {@code trino-engine}) in a JVM of its own, on the classpath the local stack is built
 * with: Trino's libraries keep out of the benchmarks' classpath, and queries go through its JDBC driver as a user's
 * would. Its log goes to {@code trino.log} in the benchmarks' log folder.
 */
final class TrinoProcess implements AutoCloseable {

    /** The folder of the jars Trino runs on (the local stack's launcher classpath), set by ./bench. */
    static final String CLASSPATH_PROPERTY = "stocklake.trino.classpath";

    private static final String MAIN = "io.stocklake.trino.TrinoEngineMain";

    private final Process process;
    private final String jdbcUrl;

    private TrinoProcess(Process process, String jdbcUrl) {
        this.process = process;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts Trino reading S3 at {@code s3} and the catalog at {@code glue}; returns once it takes queries. */
    static TrinoProcess start(URI s3, URI glue, Path logsDir) {
        String jars = System.getProperty(CLASSPATH_PROPERTY);
        if (jars == null || !Files.isDirectory(Path.of(jars))) {
            throw new IllegalStateException("Trino's classpath folder (" + CLASSPATH_PROPERTY + "=" + jars
                    + ") is missing: ./bench builds it with the local stack");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1536m",
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                Path.of(jars).toAbsolutePath() + "/*",
                MAIN,
                "--s3-endpoint",
                s3.toString(),
                "--s3-access-key",
                S3Server.ACCESS_KEY,
                "--glue-endpoint",
                glue.toString(),
                "--port",
                Integer.toString(freePort())));
        try {
            Files.createDirectories(logsDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(logsDir.resolve("trino.log").toFile());
            // Secrets through the environment, never on the command line.
            builder.environment().put("S3_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
            Process process = builder.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("jdbc:trino:")) {
                    return new TrinoProcess(process, line.strip());
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException(
                    "Trino ended before it took queries; its log: " + logsDir.resolve("trino.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Trino", e);
        }
    }

    /** A JDBC connection to Trino in {@code schema} of its catalog (awsdatacatalog, as in Athena). */
    Connection connect(String schema) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "bench");
        return DriverManager.getConnection(jdbcUrl + "/" + schema, properties);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
