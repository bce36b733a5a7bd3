package io.stocklake.glue.endpoint;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a {@link GlueEndpoint}.
 *
 * @param bindAddress the address to listen on; loopback unless the endpoint must be reached from elsewhere
 * @param port the port, 0 for any free one
 * @param dataDirectory where the catalog is kept across restarts; empty keeps it in memory only
 * @param accessKeyId the access key id requests must be signed with; empty accepts any request
 * @param secretAccessKey with an access key id, also verify the SigV4 signature itself
 * @param catalogId the account id the catalog answers as ({@code CatalogId})
 * @param threads request-serving threads
 */
public record GlueEndpointConfig(String bindAddress, int port, Optional<Path> dataDirectory,
    Optional<String> accessKeyId, Optional<String> secretAccessKey, String catalogId, int threads) {

  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String DEFAULT_CATALOG_ID = "123456789012";
  public static final int DEFAULT_THREADS = 16;

  public GlueEndpointConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(catalogId, "catalogId");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (secretAccessKey.isPresent() && accessKeyId.isEmpty()) {
      throw new IllegalArgumentException("a secret access key needs an access key id");
    }
  }

  /** Loopback, any free port, in memory, no authentication. */
  public static GlueEndpointConfig defaults() {
    return new GlueEndpointConfig(DEFAULT_BIND_ADDRESS, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        DEFAULT_CATALOG_ID, DEFAULT_THREADS);
  }

  public GlueEndpointConfig withBindAddress(String address) {
    return new GlueEndpointConfig(address, port, dataDirectory, accessKeyId, secretAccessKey, catalogId, threads);
  }

  public GlueEndpointConfig withPort(int newPort) {
    return new GlueEndpointConfig(bindAddress, newPort, dataDirectory, accessKeyId, secretAccessKey, catalogId,
        threads);
  }

  public GlueEndpointConfig withDataDirectory(Path directory) {
    return new GlueEndpointConfig(bindAddress, port, Optional.of(directory), accessKeyId, secretAccessKey, catalogId,
        threads);
  }

  public GlueEndpointConfig withAccessKeyId(String keyId) {
    return new GlueEndpointConfig(bindAddress, port, dataDirectory, Optional.of(keyId), secretAccessKey, catalogId,
        threads);
  }

  public GlueEndpointConfig withSecretAccessKey(String secret) {
    return new GlueEndpointConfig(bindAddress, port, dataDirectory, accessKeyId, Optional.of(secret), catalogId,
        threads);
  }

  public GlueEndpointConfig withCatalogId(String id) {
    return new GlueEndpointConfig(bindAddress, port, dataDirectory, accessKeyId, secretAccessKey, id, threads);
  }

  public GlueEndpointConfig withThreads(int count) {
    return new GlueEndpointConfig(bindAddress, port, dataDirectory, accessKeyId, secretAccessKey, catalogId, count);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "GlueEndpointConfig[bindAddress=" + bindAddress + ", port=" + port + ", dataDirectory="
        + dataDirectory.map(Path::toString).orElse("(memory)") + ", accessKeyId=" + accessKeyId.orElse("(any)")
        + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "****" : "(not checked)") + ", catalogId="
        + catalogId + ", threads=" + threads + "]";
  }
}
