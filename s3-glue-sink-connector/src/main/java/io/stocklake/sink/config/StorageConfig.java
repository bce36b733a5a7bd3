package io.stocklake.sink.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The {@code s3.*} keys: the bucket, how to reach it, how objects are written and how requests are retried. */
public final class StorageConfig extends ConfigFragment {

    public static final String S3_BUCKET_NAME = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String S3_ENDPOINT_URL = "s3.endpoint.url";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final String S3_VALIDATE_BUCKET = "s3.validate.bucket";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String S3_SSE = "s3.sse";
    public static final String S3_SSE_KMS_KEY_ID = "s3.sse.kms.key.id";
    public static final String S3_RETRY_MAX_ATTEMPTS = "s3.retry.max.attempts";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String S3_RETRY_MAX_BACKOFF_MS = "s3.retry.max.backoff.ms";
    public static final String S3_REQUEST_TIMEOUT_MS = "s3.request.timeout.ms";
    public static final String S3_REQUEST_CHECKSUMS = "s3.request.checksums";

    static final String GROUP = "S3";

    /** S3's smallest part of a multipart upload (all but the last). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    static final int PART_SIZE_DEFAULT = 25 * 1024 * 1024;
    static final ServerSideEncryption SSE_DEFAULT = ServerSideEncryption.NONE;
    static final int RETRY_MAX_ATTEMPTS_DEFAULT = 10;
    static final long RETRY_BACKOFF_MS_DEFAULT = 200L;
    static final long RETRY_MAX_BACKOFF_MS_DEFAULT = 20_000L;
    static final long REQUEST_TIMEOUT_MS_DEFAULT = 120_000L;
    static final long MIN_REQUEST_TIMEOUT_MS = 1000L;
    static final RequestChecksums REQUEST_CHECKSUMS_DEFAULT = RequestChecksums.WHEN_SUPPORTED;

    StorageConfig(Map<String, ?> values) {
        super(values);
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                S3_BUCKET_NAME,
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                "Bucket the files are written to.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Bucket");
        def.define(
                S3_REGION,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "AWS region of the bucket. Empty follows the AWS SDK's region chain (the aws.region system "
                        + "property, AWS_REGION, the profile's region, the container or instance metadata); when "
                        + "that finds none, an S3-compatible server (s3.endpoint.url) is signed for us-east-1 and "
                        + "AWS S3 is refused.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Region");
        def.define(
                S3_ENDPOINT_URL,
                Type.STRING,
                "",
                new EndpointUrl(),
                Importance.LOW,
                "Endpoint of an S3-compatible server; empty for AWS S3 in the region.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Endpoint URL");
        def.define(
                S3_PATH_STYLE_ACCESS,
                Type.BOOLEAN,
                false,
                Importance.LOW,
                "Address the bucket in the path instead of the host name (most S3-compatible servers need it).",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Path-style access");
        def.define(
                S3_VALIDATE_BUCKET,
                Type.BOOLEAN,
                false,
                Importance.LOW,
                "Whether config validation (the REST validate endpoint and connector creation) also checks that the "
                        + "bucket exists and the credentials reach it, with one HeadBucket request; a failure is "
                        + "reported on " + S3_BUCKET_NAME + ".",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Check the bucket when validating");
        def.define(
                S3_PART_SIZE,
                Type.INT,
                PART_SIZE_DEFAULT,
                Range.atLeast(MIN_PART_SIZE),
                Importance.LOW,
                "Part size in bytes of multipart uploads; files smaller than this are one PUT. Each open file "
                        + "buffers up to this much before a part is sent (see buffer.max.bytes).",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Part size");
        def.define(
                S3_SSE,
                Type.STRING,
                SSE_DEFAULT.configName(),
                ValidString.in(ConfigName.all(ServerSideEncryption.class)),
                Importance.LOW,
                "Server-side encryption of written objects.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "SSE");
        def.define(
                S3_SSE_KMS_KEY_ID,
                Type.STRING,
                "",
                Importance.LOW,
                "KMS key for s3.sse=aws:kms; empty uses the bucket's AWS managed key.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "SSE KMS key");
        def.define(
                S3_RETRY_MAX_ATTEMPTS,
                Type.INT,
                RETRY_MAX_ATTEMPTS_DEFAULT,
                Range.between(1, 100),
                Importance.LOW,
                "Attempts per S3 request (SDK retries with exponential backoff and full jitter on "
                        + "throttling such as 503 SlowDown, 5xx and timeouts) before the batch is retried by the "
                        + "task.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Request attempts");
        def.define(
                S3_RETRY_BACKOFF_MS,
                Type.LONG,
                RETRY_BACKOFF_MS_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                "Base delay of the SDK's exponential backoff between attempts.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Backoff base");
        def.define(
                S3_RETRY_MAX_BACKOFF_MS,
                Type.LONG,
                RETRY_MAX_BACKOFF_MS_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                "Longest delay between two attempts of one request.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Backoff cap");
        def.define(
                S3_REQUEST_TIMEOUT_MS,
                Type.LONG,
                REQUEST_TIMEOUT_MS_DEFAULT,
                Range.atLeast(MIN_REQUEST_TIMEOUT_MS),
                Importance.LOW,
                "Time limit of one attempt of one S3 request (a part upload included).",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Attempt timeout");
        def.define(
                S3_REQUEST_CHECKSUMS,
                Type.STRING,
                REQUEST_CHECKSUMS_DEFAULT.configName(),
                ValidString.in(ConfigName.all(RequestChecksums.class)),
                Importance.LOW,
                "When requests carry a checksum: when_supported on every request that can (AWS S3; buckets "
                        + "with Object Lock default retention refuse uploads without one), when_required only "
                        + "where the S3 API demands one, for S3-compatible servers that reject the AWS SDK's "
                        + "default checksums (S3Proxy). Responses are checked likewise.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Request checksums");
    }

    /** A KMS key without KMS encryption, and a backoff cap below its base. */
    void check(BiConsumer<String, String> problems) {
        if (accepted(S3_SSE_KMS_KEY_ID, S3_SSE) && !sseKmsKeyId().isBlank() && sse() != ServerSideEncryption.KMS) {
            problems.accept(
                    S3_SSE_KMS_KEY_ID, "is only used with " + S3_SSE + "=" + ServerSideEncryption.KMS.configName());
        }
        if (accepted(S3_RETRY_BACKOFF_MS, S3_RETRY_MAX_BACKOFF_MS)
                && retryMaxBackoff().compareTo(retryBackoff()) < 0) {
            problems.accept(
                    S3_RETRY_MAX_BACKOFF_MS,
                    "must be at least " + S3_RETRY_BACKOFF_MS + " ("
                            + retryBackoff().toMillis() + ")");
        }
    }

    public String bucket() {
        return value(S3_BUCKET_NAME);
    }

    /** The configured region; empty: the AWS SDK's region chain decides. */
    public String region() {
        return this.<String>value(S3_REGION).trim();
    }

    /** Empty for AWS S3 itself. */
    public String endpointUrl() {
        return value(S3_ENDPOINT_URL);
    }

    public boolean pathStyleAccess() {
        return value(S3_PATH_STYLE_ACCESS);
    }

    /** Whether a validation also reaches for the bucket. */
    public boolean validateBucket() {
        return value(S3_VALIDATE_BUCKET);
    }

    public int partSize() {
        return value(S3_PART_SIZE);
    }

    public ServerSideEncryption sse() {
        return ConfigName.parse(ServerSideEncryption.class, value(S3_SSE));
    }

    /** Empty: the bucket's AWS managed key. */
    public String sseKmsKeyId() {
        return value(S3_SSE_KMS_KEY_ID);
    }

    public int retryMaxAttempts() {
        return value(S3_RETRY_MAX_ATTEMPTS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(value(S3_RETRY_BACKOFF_MS));
    }

    public Duration retryMaxBackoff() {
        return Duration.ofMillis(value(S3_RETRY_MAX_BACKOFF_MS));
    }

    public RequestChecksums requestChecksums() {
        return ConfigName.parse(RequestChecksums.class, value(S3_REQUEST_CHECKSUMS));
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(value(S3_REQUEST_TIMEOUT_MS));
    }
}
