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
 * @param credentials the key pair requests must be signed with (SigV4, verified); empty accepts any request, for
 *     tests of the wire format alone
 * @param region the region a request's credential scope must name
 * @param catalogId the account id the catalog answers as ({@code CatalogId})
 * @param threads request-serving threads
 * @param faultAdmin whether {@code /_fault} serves at all; it then takes only requests signed with the credentials
 */
public record GlueEndpointConfig(
        String bindAddress,
        int port,
        Optional<Path> dataDirectory,
        Optional<GlueCredentials> credentials,
        String region,
        String catalogId,
        int threads,
        boolean faultAdmin) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_CATALOG_ID = "123456789012";
    public static final int DEFAULT_THREADS = 16;

    public GlueEndpointConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(catalogId, "catalogId");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (faultAdmin && credentials.isEmpty()) {
            throw new IllegalArgumentException("the fault admin path needs credentials to check its callers against");
        }
    }

    /** Loopback, any free port, in memory, no authentication, no fault admin path. */
    public static GlueEndpointConfig defaults() {
        return new GlueEndpointConfig(
                DEFAULT_BIND_ADDRESS,
                0,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_REGION,
                DEFAULT_CATALOG_ID,
                DEFAULT_THREADS,
                false);
    }

    public GlueEndpointConfig withBindAddress(String address) {
        return new GlueEndpointConfig(
                address, port, dataDirectory, credentials, region, catalogId, threads, faultAdmin);
    }

    public GlueEndpointConfig withPort(int newPort) {
        return new GlueEndpointConfig(
                bindAddress, newPort, dataDirectory, credentials, region, catalogId, threads, faultAdmin);
    }

    public GlueEndpointConfig withDataDirectory(Path directory) {
        return new GlueEndpointConfig(
                bindAddress, port, Optional.of(directory), credentials, region, catalogId, threads, faultAdmin);
    }

    /** Requests must carry a valid SigV4 signature made with this key pair. */
    public GlueEndpointConfig withCredentials(String accessKeyId, String secretAccessKey) {
        return new GlueEndpointConfig(
                bindAddress,
                port,
                dataDirectory,
                Optional.of(new GlueCredentials(accessKeyId, secretAccessKey)),
                region,
                catalogId,
                threads,
                faultAdmin);
    }

    public GlueEndpointConfig withRegion(String newRegion) {
        return new GlueEndpointConfig(
                bindAddress, port, dataDirectory, credentials, newRegion, catalogId, threads, faultAdmin);
    }

    public GlueEndpointConfig withCatalogId(String id) {
        return new GlueEndpointConfig(bindAddress, port, dataDirectory, credentials, region, id, threads, faultAdmin);
    }

    public GlueEndpointConfig withThreads(int count) {
        return new GlueEndpointConfig(
                bindAddress, port, dataDirectory, credentials, region, catalogId, count, faultAdmin);
    }

    /** Serve {@code /_fault} to callers that sign with the credentials (reliability drills from other processes). */
    public GlueEndpointConfig withFaultAdmin() {
        return new GlueEndpointConfig(bindAddress, port, dataDirectory, credentials, region, catalogId, threads, true);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "GlueEndpointConfig[bindAddress=" + bindAddress + ", port=" + port + ", dataDirectory="
                + dataDirectory.map(Path::toString).orElse("(memory)") + ", accessKeyId="
                + credentials.map(GlueCredentials::accessKeyId).orElse("(any caller)") + ", secretAccessKey="
                + (credentials.isPresent() ? "****" : "(none)") + ", region=" + region + ", catalogId=" + catalogId
                + ", threads=" + threads + ", faultAdmin=" + (faultAdmin ? "on" : "off") + "]";
    }
}
