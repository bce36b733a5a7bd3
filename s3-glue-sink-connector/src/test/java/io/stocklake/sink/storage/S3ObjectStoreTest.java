package io.stocklake.sink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.AwsClients;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.S3ProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The S3 object store against a real S3 server (S3Proxy). */
class S3ObjectStoreTest {

    private static final int PART = 5 * 1024 * 1024;
    private static final String BUCKET = "stock-lake";

    private static S3ProxyServer server;
    private static S3Client inspector;

    private final OperationLog operations = new OperationLog();
    private S3ObjectStore store;

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

    @BeforeEach
    void openStore() {
        store = new AwsClients(List.of(operations)).objectStore(new SinkConfig(settings(server.endpoint())));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Map<String, String> settings(String endpoint) {
        Map<String, String> props = new HashMap<>();
        props.put(StorageConfig.S3_BUCKET_NAME, BUCKET);
        props.put(StorageConfig.S3_ENDPOINT_URL, endpoint);
        // S3Proxy refuses the AWS SDK's default streaming checksums.
        props.put(StorageConfig.S3_REQUEST_CHECKSUMS, "when_required");
        props.put(StorageConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(StorageConfig.S3_PART_SIZE, Integer.toString(PART));
        props.put(CredentialsConfig.AWS_ACCESS_KEY_ID, S3ProxyServer.ACCESS_KEY);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        props.put(StorageConfig.S3_RETRY_BACKOFF_MS, "1");
        props.put(StorageConfig.S3_RETRY_MAX_BACKOFF_MS, "5");
        return props;
    }

    @Test
    void smallFileIsOnePut() throws IOException {
        byte[] content = randomBytes(1000);
        ObjectUpload upload = store.startUpload("t/small.json");
        upload.stream().write(content);
        upload.complete();

        assertThat(operations.calls).containsExactly("PutObject");
        assertThat(read("t/small.json")).isEqualTo(content);
    }

    @Test
    void largeFileIsSentAsMultipartWhileBeingWritten() throws IOException {
        byte[] content = randomBytes(2 * PART + 123_456);
        ObjectUpload upload = store.startUpload("t/large.parquet");
        writeInChunks(upload.stream(), content, 0, PART + 10);

        assertThat(operations.calls).containsExactly("CreateMultipartUpload", "UploadPart");
        assertThat(upload.heldBytes()).isLessThan(PART);

        writeInChunks(upload.stream(), content, PART + 10, content.length);
        upload.complete();

        assertThat(operations.calls)
                .containsExactly(
                        "CreateMultipartUpload", "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload");
        assertThat(read("t/large.parquet")).isEqualTo(content);
    }

    @Test
    void fileOfExactlyOnePartNeedsNoEmptyLastPart() throws IOException {
        byte[] content = randomBytes(PART);
        ObjectUpload upload = store.startUpload("t/one-part.json");
        upload.stream().write(content);
        upload.complete();

        assertThat(operations.calls).containsExactly("CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload");
        assertThat(read("t/one-part.json")).isEqualTo(content);
    }

    @Test
    void failedCompletionCanBeAbortedAndLeavesNothing() throws IOException {
        ObjectUpload upload = store.startUpload("t/failed.json");
        upload.stream().write(randomBytes(PART + 1));
        operations.fail("CompleteMultipartUpload"::equals);

        assertThatThrownBy(upload::complete)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("t/failed.json");
        upload.abort();

        assertThat(operations.calls).endsWith("AbortMultipartUpload");
        assertThat(inspector.listMultipartUploads(r -> r.bucket(BUCKET)).uploads())
                .isEmpty();
        assertThatThrownBy(() -> read("t/failed.json")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void failedPartUploadSurfacesAsIOExceptionFromTheStream() throws IOException {
        ObjectUpload upload = store.startUpload("t/part-fails.json");
        operations.fail("UploadPart"::equals);

        assertThatThrownBy(() -> upload.stream().write(randomBytes(PART)))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(StorageException.class);
        upload.abort();

        assertThat(inspector.listMultipartUploads(r -> r.bucket(BUCKET)).uploads())
                .isEmpty();
    }

    @Test
    void writesAfterAFailedPartFailInsteadOfFillingAFullBuffer() throws IOException {
        ObjectUpload upload = store.startUpload("t/part-failed-once.json");
        operations.fail("UploadPart"::equals);
        assertThatThrownBy(() -> upload.stream().write(randomBytes(PART))).isInstanceOf(IOException.class);
        operations.fail(op -> false);

        assertThatThrownBy(() -> upload.stream().write(randomBytes(10))).isInstanceOf(IOException.class);
        upload.abort();
    }

    @Test
    void objectsCanBePutListedReadAndDeleted() {
        store.put("t/_boundaries/a/00000000000000000010", "20".getBytes());
        store.put("t/_boundaries/a/00000000000000000020", "30".getBytes());
        store.put("t/_boundaries/b/00000000000000000010", "99".getBytes());

        List<String> keys = store.list("t/_boundaries/a/");
        assertThat(keys)
                .containsExactly("t/_boundaries/a/00000000000000000010", "t/_boundaries/a/00000000000000000020");
        assertThat(store.get(keys.get(1))).isEqualTo("30".getBytes());

        store.delete(keys);
        assertThat(store.list("t/_boundaries/")).containsExactly("t/_boundaries/b/00000000000000000010");
    }

    private static void writeInChunks(OutputStream out, byte[] content, int from, int to) throws IOException {
        for (int i = from; i < to; i += 64 * 1024) {
            out.write(content, i, Math.min(64 * 1024, to - i));
        }
    }

    private static byte[] read(String key) {
        ResponseBytes<GetObjectResponse> bytes =
                inspector.getObjectAsBytes(r -> r.bucket(BUCKET).key(key));
        return bytes.asByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aConditionalCreateIsRefusedWhenTheObjectExists() {
        store.putIf("c/log-a", "one".getBytes(), null);

        assertThatThrownBy(() -> store.putIf("c/log-a", "two".getBytes(), null))
                .isInstanceOf(ObjectChangedException.class);
        assertThat(store.read("c/log-a").content()).asString().isEqualTo("one");
    }

    @Test
    void aConditionalReplaceNeedsTheVersionItRead() {
        String first = store.putIf("c/log-b", "one".getBytes(), null);
        String second = store.putIf("c/log-b", "two".getBytes(), first);

        assertThatThrownBy(() -> store.putIf("c/log-b", "stale".getBytes(), first))
                .isInstanceOf(ObjectChangedException.class);
        assertThat(store.read("c/log-b")).satisfies(object -> {
            assertThat(object.content()).asString().isEqualTo("two");
            assertThat(object.version()).isEqualTo(second);
        });
    }

    @Test
    void readingAMissingObjectFindsNone() {
        assertThat(store.read("c/never-written")).isNull();
    }
}
