package io.stocklake.sink.config;

/**
 * When the S3 client adds a checksum to its requests ({@code s3.request.checksums}). AWS S3 takes them everywhere,
 * and buckets with Object Lock default retention refuse uploads without one; some S3-compatible servers reject the
 * streaming checksums the AWS SDK sends by default.
 */
public enum RequestChecksums implements ConfigName {
    /** On every request that can carry one (the AWS SDK's default). */
    WHEN_SUPPORTED,
    /** Only where the S3 API demands one. */
    WHEN_REQUIRED
}
