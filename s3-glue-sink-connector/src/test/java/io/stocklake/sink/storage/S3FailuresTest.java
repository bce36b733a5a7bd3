package io.stocklake.sink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.stocklake.sink.AwsClients;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which S3 failures no retry can mend, with the SDK's own exception types and a real S3 server's answers. */
class S3FailuresTest {

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
        server.client().createBucket(b -> b.bucket("present"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code)
                        .build())
                .build();
    }

    private static S3ObjectStore store(String bucket, String secret) {
        Map<String, String> props = S3ObjectStoreTest.settings(server.endpoint());
        props.put(StorageConfig.S3_BUCKET_NAME, bucket);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, secret);
        return new AwsClients().objectStore(new SinkConfig(props));
    }

    @Test
    void aMissingBucketNamesTheBucketSetting() {
        assertThat(S3Failures.permanentCause(s3(404, "NoSuchBucket"))).contains(StorageConfig.S3_BUCKET_NAME);
        assertThat(S3Failures.permanentCause(
                        NoSuchBucketException.builder().statusCode(404).build()))
                .contains(StorageConfig.S3_BUCKET_NAME);
    }

    @Test
    void refusedCredentialsNameTheCredentialSettings() {
        for (String code : List.of("InvalidAccessKeyId", "SignatureDoesNotMatch")) {
            assertThat(S3Failures.permanentCause(s3(403, code)))
                    .as(code)
                    .contains(code)
                    .contains(CredentialsConfig.AWS_ACCESS_KEY_ID);
        }
        assertThat(S3Failures.permanentCause(s3(403, "AccessDenied")))
                .contains(CredentialsConfig.AWS_ACCESS_KEY_ID)
                .contains("s3:PutObject");
    }

    @Test
    void aWrongRegionNamesTheRegionSettingAndTheBucketsRegion() {
        S3Exception redirect = (S3Exception) S3Exception.builder()
                .statusCode(301)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("PermanentRedirect")
                        .sdkHttpResponse(SdkHttpResponse.builder()
                                .statusCode(301)
                                .putHeader("x-amz-bucket-region", "eu-west-1")
                                .build())
                        .build())
                .build();

        assertThat(S3Failures.permanentCause(redirect)).contains(StorageConfig.S3_REGION + "=eu-west-1");
        assertThat(S3Failures.permanentCause(s3(400, "AuthorizationHeaderMalformed")))
                .contains(StorageConfig.S3_REGION);
    }

    @Test
    void aWrongRegionAnsweredOverHttpNamesTheBucketsRegion() throws IOException {
        HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PermanentRedirect</Code>"
                            + "<Message>The bucket you are attempting to access must be addressed using the specified "
                            + "endpoint.</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.getResponseHeaders().add("x-amz-bucket-region", "eu-west-1");
            exchange.sendResponseHeaders(301, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        s3.start();
        Map<String, String> props =
                S3ObjectStoreTest.settings("http://127.0.0.1:" + s3.getAddress().getPort());
        try (S3ObjectStore store = new AwsClients().objectStore(new SinkConfig(props))) {
            assertThatThrownBy(() -> store.checkPrefix("topics/"))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.permanentCause()).contains(StorageConfig.S3_REGION + "=eu-west-1"));
        } finally {
            s3.stop(0);
        }
    }

    @Test
    void throttlingServerErrorsTimeoutsAndResetsMayPass() {
        assertThat(S3Failures.permanentCause(s3(503, "SlowDown"))).isNull();
        assertThat(S3Failures.permanentCause(s3(500, "InternalError"))).isNull();
        assertThat(S3Failures.permanentCause(s3(403, "RequestTimeTooSkewed"))).isNull();
        assertThat(S3Failures.permanentCause(ApiCallAttemptTimeoutException.create(1000)))
                .isNull();
        assertThat(S3Failures.permanentCause(SdkClientException.create(
                        "Unable to execute HTTP request", new IOException("Connection reset"))))
                .isNull();
    }

    @Test
    void theCauseIsFoundBehindTheWrappersOfTheFileWriters() {
        Throwable wrapped = new UncheckedIOException(
                new IOException(new StorageException("upload failed", s3(404, "NoSuchBucket"))));

        assertThat(new StorageException("writing a file failed", wrapped).permanentCause())
                .contains(StorageConfig.S3_BUCKET_NAME);
    }

    @Test
    void aMissingBucketOnARealServerIsPermanent() {
        try (S3ObjectStore store = store("absent", S3ProxyServer.SECRET_KEY)) {
            assertThatThrownBy(() -> store.checkPrefix("topics/"))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.permanentCause()).contains(StorageConfig.S3_BUCKET_NAME));
            assertThatThrownBy(() -> store.list("topics/"))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.permanentCause()).contains(StorageConfig.S3_BUCKET_NAME));
        }
    }

    @Test
    void aWrongSecretOnARealServerIsPermanent() {
        try (S3ObjectStore store = store("present", "not-the-secret")) {
            assertThatThrownBy(store::checkBucket)
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.permanentCause()).contains(CredentialsConfig.AWS_SECRET_ACCESS_KEY));
            assertThatThrownBy(() -> store.put("topics/x", new byte[] {1}))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.permanentCause()).contains("SignatureDoesNotMatch"));
        }
    }
}
