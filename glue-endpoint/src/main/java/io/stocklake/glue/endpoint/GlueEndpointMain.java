package io.stocklake.glue.endpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the endpoint standalone until interrupted:
 * {@code --access-key ID [--secret-key-file FILE] [--port N] [--data-dir DIR] [--bind ADDRESS] [--region R]
 * [--catalog-id ID] [--fault-admin]}. The secret comes from the file or from {@value #SECRET_ENV}, never from the
 * command line, where every local user could read it. Prints the endpoint URI on standard output once it serves.
 */
public final class GlueEndpointMain {
    static final int DEFAULT_PORT = 9911;
    static final String SECRET_ENV = "GLUE_SECRET_ACCESS_KEY";

    private GlueEndpointMain() {}

    public static void main(String[] args) throws Exception {
        GlueEndpointConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            usage(System.out, null);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        GlueEndpoint endpoint = GlueEndpoint.start(config);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            endpoint.close();
                            stopped.countDown();
                        },
                        "glue-endpoint-shutdown"));
        System.out.println(endpoint.uri());
        System.out.flush();
        stopped.await();
    }

    /** The configuration the arguments and the environment describe, or null when help was asked for. */
    static GlueEndpointConfig parse(String[] args, Map<String, String> env) {
        GlueEndpointConfig config = GlueEndpointConfig.defaults().withPort(DEFAULT_PORT);
        String accessKey = null;
        String secret = env.get(SECRET_ENV);
        boolean faultAdmin = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--fault-admin")) {
                faultAdmin = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    config = config.withPort(port(value));
                    break;
                case "--data-dir":
                    config = config.withDataDirectory(Path.of(value));
                    break;
                case "--access-key":
                    accessKey = value;
                    break;
                case "--secret-key-file":
                    secret = readSecret(Path.of(value));
                    break;
                case "--secret-key":
                    throw new IllegalArgumentException(
                            "--secret-key is not taken: a command line is visible to every local"
                                    + " user; use --secret-key-file FILE or the environment variable " + SECRET_ENV);
                case "--region":
                    config = config.withRegion(value);
                    break;
                case "--bind":
                    config = config.withBindAddress(value);
                    break;
                case "--catalog-id":
                    config = config.withCatalogId(value);
                    break;
                case "--threads":
                    config = config.withThreads(Integer.parseInt(value));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (accessKey == null || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "The endpoint checks who calls it: give --access-key ID and the secret in"
                            + " --secret-key-file FILE or " + SECRET_ENV);
        }
        config = config.withCredentials(accessKey, secret);
        return faultAdmin ? config.withFaultAdmin() : config;
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the secret key file " + file + ": " + e.getMessage());
        }
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was " + value);
        }
    }

    private static void usage(PrintStream out, String problem) {
        if (problem != null) {
            out.println(problem);
        }
        out.println("Usage: GlueEndpointMain --access-key ID [--secret-key-file FILE (else $" + SECRET_ENV + ")]"
                + " [--port N (default " + DEFAULT_PORT + ", 0 = any)] [--data-dir DIR (default: in memory)]"
                + " [--bind ADDRESS (default " + GlueEndpointConfig.DEFAULT_BIND_ADDRESS + ")] [--region R (default "
                + GlueEndpointConfig.DEFAULT_REGION + ")] [--catalog-id ID (default "
                + GlueEndpointConfig.DEFAULT_CATALOG_ID
                + ")] [--threads N] [--fault-admin (serve /_fault to signed callers)]");
    }
}
