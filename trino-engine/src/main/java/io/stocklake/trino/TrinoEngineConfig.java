package io.stocklake.trino;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run a {@link TrinoEngine}: where the objects are (an S3-compatible server), where the table definitions
 * are (a Glue-compatible endpoint), the catalog name queries use, and the HTTP port for the Trino CLI and JDBC.
 *
 * @param s3Endpoint the S3-compatible server, e.g. {@code http://127.0.0.1:9000}
 * @param s3Keys the keys the S3 server accepts
 * @param glueEndpoint the Glue-compatible endpoint, e.g. {@code http://127.0.0.1:9911}
 * @param glueKeys the keys the Glue endpoint accepts
 * @param region the AWS region named to both (signatures include it)
 * @param catalogName the Trino catalog the Glue tables appear in; Athena's is {@code awsdatacatalog}
 * @param httpPort the port Trino's HTTP endpoint listens on (loopback only), 0 for any free one
 */
public record TrinoEngineConfig(
        URI s3Endpoint,
        AccessKeys s3Keys,
        URI glueEndpoint,
        AccessKeys glueKeys,
        String region,
        String catalogName,
        int httpPort) {

    public static final String DEFAULT_CATALOG_NAME = "awsdatacatalog";
    public static final String DEFAULT_REGION = "us-east-1";
    // Trino folds catalog names to lower case and allows only these characters in them.
    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public TrinoEngineConfig {
        requireHttp(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(s3Keys, "s3Keys");
        requireHttp(glueEndpoint, "glueEndpoint");
        Objects.requireNonNull(glueKeys, "glueKeys");
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        Objects.requireNonNull(catalogName, "catalogName");
        if (!CATALOG_NAME.matcher(catalogName).matches()) {
            throw new IllegalArgumentException(
                    "catalogName must be lower case letters, digits and underscores, starting with a letter; was "
                            + catalogName);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be within 0..65535, was " + httpPort);
        }
    }

    /** Catalog {@value #DEFAULT_CATALOG_NAME}, region {@value #DEFAULT_REGION}, any free HTTP port. */
    public static TrinoEngineConfig of(URI s3Endpoint, AccessKeys s3Keys, URI glueEndpoint, AccessKeys glueKeys) {
        return new TrinoEngineConfig(
                s3Endpoint, s3Keys, glueEndpoint, glueKeys, DEFAULT_REGION, DEFAULT_CATALOG_NAME, 0);
    }

    public TrinoEngineConfig withRegion(String newRegion) {
        return new TrinoEngineConfig(s3Endpoint, s3Keys, glueEndpoint, glueKeys, newRegion, catalogName, httpPort);
    }

    public TrinoEngineConfig withCatalogName(String name) {
        return new TrinoEngineConfig(s3Endpoint, s3Keys, glueEndpoint, glueKeys, region, name, httpPort);
    }

    public TrinoEngineConfig withHttpPort(int port) {
        return new TrinoEngineConfig(s3Endpoint, s3Keys, glueEndpoint, glueKeys, region, catalogName, port);
    }

    private static void requireHttp(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL with a host, was " + uri);
        }
    }
}
