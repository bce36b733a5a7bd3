package io.stocklake.testing.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One S3 request as the proxy saw it: the S3 API operation's name (as in the S3 API reference, e.g.
 * {@code UploadPart}), the bucket and key it addressed (path-style), and the HTTP status the client got.
 *
 * @param status the status returned to the client; 0 when the proxy reset the connection instead
 * @param injected whether the proxy answered with an injected fault instead of forwarding
 */
public record S3Operation(String name, String bucket, String key, int status, boolean injected) {

    /** Names a path-style request by the rules of the S3 REST API. */
    static S3Operation classify(String method, String target, boolean copySource) {
        URI uri = URI.create(target);
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        Set<String> params = uri.getRawQuery() == null
                ? Set.of()
                : Arrays.stream(uri.getRawQuery().split("&"))
                        .map(p -> p.split("=", 2)[0])
                        .collect(Collectors.toSet());
        String[] parts = path.substring(1).split("/", 2);
        String bucket = decode(parts[0]);
        String key = parts.length > 1 ? decode(parts[1]) : "";
        String name = bucket.isEmpty()
                ? "ListBuckets"
                : key.isEmpty() ? bucketOperation(method, params) : objectOperation(method, params, copySource);
        return new S3Operation(name, bucket, key, 0, false);
    }

    S3Operation answered(int status, boolean injected) {
        return new S3Operation(name, bucket, key, status, injected);
    }

    private static String bucketOperation(String method, Set<String> params) {
        return switch (method) {
            case "PUT" -> "CreateBucket";
            case "HEAD" -> "HeadBucket";
            case "DELETE" -> "DeleteBucket";
            case "POST" -> params.contains("delete") ? "DeleteObjects" : "PostBucket";
            default ->
                params.contains("uploads")
                        ? "ListMultipartUploads"
                        : params.contains("location")
                                ? "GetBucketLocation"
                                : params.contains("list-type") ? "ListObjectsV2" : "ListObjects";
        };
    }

    private static String objectOperation(String method, Set<String> params, boolean copySource) {
        return switch (method) {
            case "PUT" ->
                params.contains("partNumber")
                        ? (copySource ? "UploadPartCopy" : "UploadPart")
                        : copySource ? "CopyObject" : "PutObject";
            case "POST" ->
                params.contains("uploads")
                        ? "CreateMultipartUpload"
                        : params.contains("uploadId") ? "CompleteMultipartUpload" : "PostObject";
            case "DELETE" -> params.contains("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            case "HEAD" -> "HeadObject";
            default -> params.contains("uploadId") ? "ListParts" : "GetObject";
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
