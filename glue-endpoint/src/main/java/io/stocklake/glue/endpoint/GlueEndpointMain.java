package io.stocklake.glue.endpoint;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the endpoint standalone until interrupted:
 * {@code --port N --data-dir DIR --access-key ID [--secret-key SECRET] [--bind ADDRESS] [--catalog-id ID]}.
 * Prints the endpoint URI on standard output once it serves.
 */
public final class GlueEndpointMain {
  static final int DEFAULT_PORT = 9911;

  private GlueEndpointMain() {}

  public static void main(String[] args) throws Exception {
    GlueEndpointConfig config;
    try {
      config = parse(args);
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
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "glue-endpoint-shutdown"));
    System.out.println(endpoint.uri());
    System.out.flush();
    stopped.await();
  }

  /** The configuration the arguments describe, or null when help was asked for. */
  static GlueEndpointConfig parse(String[] args) {
    GlueEndpointConfig config = GlueEndpointConfig.defaults().withPort(DEFAULT_PORT);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
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
          config = config.withAccessKeyId(value);
          break;
        case "--secret-key":
          config = config.withSecretAccessKey(value);
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
    return config;
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
    out.println("Usage: GlueEndpointMain [--port N (default " + DEFAULT_PORT + ", 0 = any)] [--data-dir DIR"
        + " (default: in memory)] [--access-key ID (default: accept any)] [--secret-key SECRET (verify signatures)]"
        + " [--bind ADDRESS (default " + GlueEndpointConfig.DEFAULT_BIND_ADDRESS + ")] [--catalog-id ID (default "
        + GlueEndpointConfig.DEFAULT_CATALOG_ID + ")] [--threads N]");
  }
}
