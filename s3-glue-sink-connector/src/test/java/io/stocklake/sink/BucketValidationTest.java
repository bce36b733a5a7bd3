package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.S3ProxyServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional reachability check of validate(), against a real S3 server. */
class BucketValidationTest {

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
        try (var client = server.client()) {
            client.createBucket(b -> b.bucket("present"));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void anExistingBucketPassesTheCheck() {
        assertThat(bucketErrors(config("present", "true"))).isEmpty();
    }

    @Test
    void aMissingBucketIsReportedOnTheBucketKey() {
        assertThat(bucketErrors(config("absent", "true")))
                .singleElement()
                .asString()
                .contains("Bucket absent is not reachable");
    }

    @Test
    void theCheckIsOffByDefault() {
        Map<String, String> config = config("absent", "true");
        config.remove(StorageConfig.S3_VALIDATE_BUCKET);

        assertThat(bucketErrors(config)).isEmpty();
    }

    private static List<String> bucketErrors(Map<String, String> config) {
        return new S3GlueSinkConnector()
                .validate(config).configValues().stream()
                        .filter(v -> v.name().equals(StorageConfig.S3_BUCKET_NAME))
                        .findFirst()
                        .map(ConfigValue::errorMessages)
                        .orElseThrow();
    }

    private static Map<String, String> config(String bucket, String validate) {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", S3GlueSinkConnector.class.getName());
        props.put("topics", "stock-ticks");
        props.put(StorageConfig.S3_BUCKET_NAME, bucket);
        props.put(StorageConfig.S3_ENDPOINT_URL, server.endpoint());
        // S3Proxy refuses the AWS SDK's default streaming checksums.
        props.put(StorageConfig.S3_REQUEST_CHECKSUMS, "when_required");
        props.put(StorageConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(CredentialsConfig.AWS_ACCESS_KEY_ID, S3ProxyServer.ACCESS_KEY);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        props.put(CatalogConfig.GLUE_ENABLED, "false");
        props.put(StorageConfig.S3_VALIDATE_BUCKET, validate);
        return props;
    }
}
