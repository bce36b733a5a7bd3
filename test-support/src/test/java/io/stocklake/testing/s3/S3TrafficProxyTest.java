package io.stocklake.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stocklake.stack.S3Server;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The proxy in front of a real S3 server, driven by the AWS SDK with the Apache HTTP client the sink uses. */
class S3TrafficProxyTest {

    private static final String BUCKET = "lake";
    private static S3Server s3;
    private S3TrafficProxy proxy;

    @BeforeAll
    static void startS3() {
        s3 = S3Server.inMemory().start();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void startProxy() {
        proxy = S3TrafficProxy.start(s3.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void forwardsSignedRequestsAndRecordsEachOperation() {
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            client.putObject(b -> b.bucket(BUCKET).key("a/one.json"), RequestBody.fromString("{\"x\":1}"));
            client.headObject(b -> b.bucket(BUCKET).key("a/one.json"));
            String body = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("a/one.json"))
                    .asUtf8String();
            client.listObjectsV2(b -> b.bucket(BUCKET).prefix("a/"));
            client.deleteObject(b -> b.bucket(BUCKET).key("a/one.json"));

            assertThat(body).isEqualTo("{\"x\":1}");
        }
        assertThat(proxy.operations())
                .extracting(S3Operation::name, S3Operation::status, S3Operation::injected)
                .containsExactly(
                        tuple("PutObject", 200, false),
                        tuple("HeadObject", 200, false),
                        tuple("GetObject", 200, false),
                        tuple("ListObjectsV2", 200, false),
                        tuple("DeleteObject", 204, false));
        assertThat(proxy.operations().get(0).key()).isEqualTo("a/one.json");
    }

    @Test
    void aMultipartUploadPassesThroughWhole() {
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            multipartUpload(client, "big.bin");
        }
        assertThat(s3.client().headObject(b -> b.bucket(BUCKET).key("big.bin")).contentLength())
                .isEqualTo(2L * PART + 10);
        assertThat(proxy.operationCounts())
                .containsEntry("CreateMultipartUpload", 1L)
                .containsEntry("UploadPart", 3L)
                .containsEntry("CompleteMultipartUpload", 1L);
    }

    @Test
    void slowDownAnswers503WithTheS3ErrorCode() {
        proxy.faults(S3FaultPlan.none().withSlowDownPercent(100).onlyFor(Set.of("PutObject")));
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            assertThatThrownBy(
                            () -> client.putObject(b -> b.bucket(BUCKET).key("refused"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    });
        }
        assertThat(s3.client()
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("refused"))
                        .contents())
                .isEmpty();
        assertThat(proxy.injectedFaults()).isEqualTo(proxy.count(o -> o.name().equals("PutObject")));
    }

    @Test
    void aShareOfSlowDownsIsRetriedAwayByTheSdk() {
        proxy.faults(S3FaultPlan.none().withSlowDownPercent(20));
        try (S3Client client = client(10, Duration.ofSeconds(30))) {
            for (int i = 0; i < 30; i++) {
                String key = "share/" + i;
                client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
            }
        }
        assertThat(s3.client()
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("share/"))
                        .keyCount())
                .isEqualTo(30);
        assertThat(proxy.injectedFaults()).isPositive();
    }

    @Test
    void aResetBreaksTheConnectionWithoutAnAnswer() {
        proxy.faults(S3FaultPlan.none().withResetPercent(100).onlyFor(Set.of("GetObject")));
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            client.putObject(b -> b.bucket(BUCKET).key("kept"), RequestBody.fromString("x"));
            assertThatThrownBy(
                            () -> client.getObjectAsBytes(b -> b.bucket(BUCKET).key("kept")))
                    .isInstanceOf(SdkClientException.class);
        }
        assertThat(proxy.count(o -> o.name().equals("GetObject") && o.status() == 0 && o.injected()))
                .isPositive();
    }

    @Test
    void aStallOutlastsAClientsAttemptTimeout() {
        proxy.faults(S3FaultPlan.none().withStall(Duration.ofSeconds(3), 100).onlyFor(Set.of("HeadBucket")));
        try (S3Client client = client(1, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.headBucket(b -> b.bucket(BUCKET)))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void aFailedUploadPartIsRetriedAndTheUploadCompletes() {
        proxy.faults(S3FaultPlan.none().withFailedUploadParts(1));
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            multipartUpload(client, "retried.bin");
        }
        assertThat(s3.client()
                        .headObject(b -> b.bucket(BUCKET).key("retried.bin"))
                        .contentLength())
                .isEqualTo(2L * PART + 10);
        assertThat(proxy.count(o -> o.name().equals("UploadPart") && o.status() == 500 && o.injected()))
                .isEqualTo(1);
        assertThat(proxy.count(o -> o.name().equals("UploadPart") && o.status() == 200))
                .isEqualTo(3);
    }

    @Test
    void clearingTheFaultsMakesTheProxyTransparent() {
        proxy.faults(S3FaultPlan.none().withSlowDownPercent(100));
        proxy.clearFaults();
        try (S3Client client = client(3, Duration.ofSeconds(30))) {
            client.putObject(b -> b.bucket(BUCKET).key("clear"), RequestBody.fromString("x"));
        }
        assertThat(proxy.injectedFaults()).isZero();
    }

    private static final int PART = 5 * 1024 * 1024;

    private static void multipartUpload(S3Client client, String key) {
        String uploadId =
                client.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        int[] sizes = {PART, PART, 10};
        CompletedPart[] parts = new CompletedPart[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int number = i + 1;
            String etag = client.uploadPart(
                            b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                            RequestBody.fromBytes(new byte[sizes[i]]))
                    .eTag();
            parts[i] = CompletedPart.builder().partNumber(number).eTag(etag).build();
        }
        client.completeMultipartUpload(b -> b.bucket(BUCKET)
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    private S3Client client(int maxAttempts, Duration attemptTimeout) {
        URI endpoint = proxy.endpoint();
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .forcePathStyle(true)
                // As every client of S3Proxy must: it does not verify the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(
                        c -> c.retryStrategy(r -> r.maxAttempts(maxAttempts)).apiCallAttemptTimeout(attemptTimeout))
                .httpClient(ApacheHttpClient.create())
                .build();
    }
}
