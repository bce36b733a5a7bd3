package io.stocklake.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (S3Proxy) on 127.0.0.1 (or a chosen address), in this JVM: the real S3 REST API with SigV4
 * authentication, backed by memory or by a directory.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final String REGION = "us-east-1";
    private static final String LOOPBACK = "127.0.0.1";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    private S3Server(BlobStoreContext context, String bindAddress, int port, String accessKey, String secretKey) {
        this.context = context;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // S3Proxy listens on the endpoint's host; clients on this machine still use the loopback URI.
                .endpoint(URI.create("http://" + bindAddress + ":" + port))
                // The AWS SDK sends headers S3Proxy does not know (x-amz-optional-object-attributes).
                .ignoreUnknownHeaders(true)
                .build();
    }

    /** A server whose objects live in memory and vanish when it stops. */
    public static S3Server inMemory() {
        return inMemory(LoopbackPorts.free());
    }

    public static S3Server inMemory(int port) {
        return new S3Server(
                ContextBuilder.newBuilder("transient").build(BlobStoreContext.class),
                LOOPBACK,
                port,
                ACCESS_KEY,
                SECRET_KEY);
    }

    /** An in-memory server that accepts only these credentials (a test that looks for a secret needs a rare one). */
    public static S3Server inMemory(String accessKey, String secretKey) {
        return new S3Server(
                ContextBuilder.newBuilder("transient").build(BlobStoreContext.class),
                LOOPBACK,
                LoopbackPorts.free(),
                accessKey,
                secretKey);
    }

    /** A server whose buckets are directories under {@code root}, kept across restarts. */
    public static S3Server inDirectory(Path root, int port) {
        return inDirectory(root, LOOPBACK, port, ACCESS_KEY, SECRET_KEY);
    }

    /**
     * A server on a directory that listens on {@code bindAddress} (e.g. {@code 0.0.0.0} inside a container) and
     * accepts requests signed with the given keys.
     */
    public static S3Server inDirectory(Path root, String bindAddress, int port, String accessKey, String secretKey) {
        Properties properties = new Properties();
        properties.setProperty(
                "jclouds.filesystem.basedir", root.toAbsolutePath().toString());
        return new S3Server(
                ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class),
                bindAddress,
                port,
                accessKey,
                secretKey);
    }

    public S3Server start() {
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on " + endpoint, e);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy not started after 30 s on " + endpoint);
            }
            KafkaBroker.sleep(Duration.ofMillis(20));
        }
        return this;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Creates a bucket (idempotent). */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** An S3 client for this server, set up as every client of an S3-compatible server must be. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
