package io.stocklake.sink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.AwsClients;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.S3ProxyServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3.request.checksums} against a real S3 server: checksums on by default (AWS S3, Object Lock buckets),
 * off by the setting for S3Proxy, which refuses the AWS SDK's default streaming checksums.
 */
class S3RequestChecksumsTest {

    private static final String BUCKET = "stock-lake";
    private static final String CHECKSUM_ALGORITHM = "x-amz-sdk-checksum-algorithm";

    private static S3ProxyServer server;
    private static S3Client inspector;

    private final UploadHeaders uploads = new UploadHeaders();

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
        inspector = server.client();
        inspector.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        inspector.close();
        server.close();
    }

    @Test
    void byDefaultEveryUploadCarriesAChecksum() {
        try (S3ObjectStore store = store(null)) {
            upload(store, "t/default.json", 1000);
        } catch (RuntimeException | IOException refusedByS3Proxy) {
            // The request was sent; what it carried is the point here.
        }

        assertThat(uploads.headers).isNotEmpty().allSatisfy(h -> assertThat(h).containsKey(CHECKSUM_ALGORITHM));
    }

    @Test
    void s3ProxyRefusesTheDefaultChecksums() {
        try (S3ObjectStore store = store("when_supported")) {
            assertThatThrownBy(() -> upload(store, "t/refused.json", 1000)).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void whenRequiredSendsNoChecksumAndS3ProxyTakesSinglePutsAndMultipartUploads() throws IOException {
        try (S3ObjectStore store = store("when_required")) {
            upload(store, "t/small.json", 1000);
            upload(store, "t/large.json", 6 * 1024 * 1024);
        }

        assertThat(inspector
                        .headObject(b -> b.bucket(BUCKET).key("t/small.json"))
                        .contentLength())
                .isEqualTo(1000);
        assertThat(inspector
                        .headObject(b -> b.bucket(BUCKET).key("t/large.json"))
                        .contentLength())
                .isEqualTo(6 * 1024 * 1024);
        assertThat(uploads.headers)
                .hasSizeGreaterThan(2)
                .noneSatisfy(h -> assertThat(h).containsKey(CHECKSUM_ALGORITHM));
    }

    private S3ObjectStore store(String checksums) {
        Map<String, String> props = new HashMap<>(S3ObjectStoreTest.settings(server.endpoint()));
        props.put(StorageConfig.S3_RETRY_MAX_ATTEMPTS, "1");
        if (checksums == null) {
            props.remove(StorageConfig.S3_REQUEST_CHECKSUMS);
        } else {
            props.put(StorageConfig.S3_REQUEST_CHECKSUMS, checksums);
        }
        return new AwsClients(List.of(uploads)).objectStore(new SinkConfig(props));
    }

    private static void upload(S3ObjectStore store, String key, int bytes) throws IOException {
        ObjectUpload upload = store.startUpload(key);
        upload.stream().write(new byte[bytes]);
        upload.complete();
    }

    /** The headers of every PUT (single objects and parts) as sent. */
    private static final class UploadHeaders implements ExecutionInterceptor {
        final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().method().name().equals("PUT")) {
                Map<String, List<String>> lowercase = new HashMap<>();
                context.httpRequest()
                        .headers()
                        .forEach((k, v) -> lowercase.put(k.toLowerCase(java.util.Locale.ROOT), v));
                headers.add(lowercase);
            }
        }
    }
}
