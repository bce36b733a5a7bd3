package io.stocklake.trino;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine standalone until interrupted. Prints Trino's HTTP endpoint and JDBC URL on standard output once
 * queries can run. See {@link #usage(PrintStream)} for the options. The secret keys come from a file or from the
 * environment ({@value #S3_SECRET_ENV}, {@value #GLUE_SECRET_ENV}), never from the command line, where every local
 * user could read them.
 */
public final class TrinoEngineMain {
    static final int DEFAULT_PORT = 8080;
    static final String S3_SECRET_ENV = "S3_SECRET_ACCESS_KEY";
    static final String GLUE_SECRET_ENV = "GLUE_SECRET_ACCESS_KEY";
    private static final Set<String> OPTIONS = Set.of(
            "--s3-endpoint",
            "--s3-access-key",
            "--s3-secret-key-file",
            "--glue-endpoint",
            "--glue-access-key",
            "--glue-secret-key-file",
            "--region",
            "--catalog",
            "--port");
    private static final Map<String, String> SECRET_ON_COMMAND_LINE = Map.of(
            "--s3-secret-key", "--s3-secret-key-file FILE or the environment variable " + S3_SECRET_ENV,
            "--glue-secret-key", "--glue-secret-key-file FILE or the environment variable " + GLUE_SECRET_ENV);

    private TrinoEngineMain() {}

    public static void main(String[] args) throws InterruptedException {
        TrinoEngineConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (config == null) {
            usage(System.out);
            return;
        }
        // Trino's logging replaces System.out with a logger once it starts; launchers read the endpoint from the
        // real standard output.
        PrintStream out = System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        TrinoEngine engine = TrinoEngine.start(config);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            engine.close();
                            stopped.countDown();
                        },
                        "trino-engine-shutdown"));
        out.println(engine.uri());
        out.println(engine.jdbcUrl());
        out.flush();
        stopped.await();
    }

    /** The configuration the arguments and the environment describe, or null when help was asked for. */
    static TrinoEngineConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (SECRET_ON_COMMAND_LINE.containsKey(option)) {
                throw new IllegalArgumentException(
                        option + " is not taken: a command line is visible to every local user;" + " use "
                                + SECRET_ON_COMMAND_LINE.get(option));
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("Unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            values.put(option, args[++i]);
        }
        AccessKeys s3Keys = new AccessKeys(
                required(values, "--s3-access-key"), secret(values, "--s3-secret-key-file", env, S3_SECRET_ENV));
        AccessKeys glueKeys = values.containsKey("--glue-access-key") || values.containsKey("--glue-secret-key-file")
                ? new AccessKeys(
                        required(values, "--glue-access-key"),
                        secret(values, "--glue-secret-key-file", env, GLUE_SECRET_ENV))
                : s3Keys;
        return TrinoEngineConfig.of(
                        uri(required(values, "--s3-endpoint"), "--s3-endpoint"),
                        s3Keys,
                        uri(required(values, "--glue-endpoint"), "--glue-endpoint"),
                        glueKeys)
                .withRegion(values.getOrDefault("--region", TrinoEngineConfig.DEFAULT_REGION))
                .withCatalogName(values.getOrDefault("--catalog", TrinoEngineConfig.DEFAULT_CATALOG_NAME))
                .withHttpPort(port(values.getOrDefault("--port", Integer.toString(DEFAULT_PORT))));
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null) {
            throw new IllegalArgumentException("Missing required option " + option);
        }
        return value;
    }

    /** The secret in the file the option names, else in the environment variable; never an argument itself. */
    private static String secret(
            Map<String, String> values, String fileOption, Map<String, String> env, String variable) {
        String secret;
        if (values.containsKey(fileOption)) {
            Path file = Path.of(values.get(fileOption));
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "Cannot read the secret key file " + file + " (" + fileOption + "): " + e.getMessage(), e);
            }
        } else {
            secret = env.get(variable);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Missing secret key: give " + fileOption + " FILE or set " + variable);
        }
        return secret;
    }

    private static URI uri(String value, String option) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be a URL, was " + value, e);
        }
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was " + value, e);
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: TrinoEngineMain --s3-endpoint URL --s3-access-key ID [--s3-secret-key-file FILE (else $"
                + S3_SECRET_ENV + ")] --glue-endpoint URL [--glue-access-key ID [--glue-secret-key-file FILE (else $"
                + GLUE_SECRET_ENV + ")] (default: the S3 keys)]"
                + " [--region REGION (default " + TrinoEngineConfig.DEFAULT_REGION + ")]"
                + " [--catalog NAME (default " + TrinoEngineConfig.DEFAULT_CATALOG_NAME + ")]"
                + " [--port N (default " + DEFAULT_PORT + ", 0 = any; loopback only)]");
    }
}
