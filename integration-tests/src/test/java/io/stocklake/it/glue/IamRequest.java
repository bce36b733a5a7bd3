package io.stocklake.it.glue;

import io.stocklake.testing.s3.S3Operation;
import java.util.List;
import java.util.Map;

/**
 * What IAM authorizes for one API call: the action, the resource ARN and the request's condition keys. Built from
 * the S3 operations the traffic proxy saw and the Glue actions the Glue endpoint counted, by the rules of the
 * service authorization references for Amazon S3 and AWS Glue.
 */
record IamRequest(String operation, String action, String resource, Map<String, String> context) {

    /**
     * The IAM requests of one S3 operation. The proxy sees neither a list request's {@code prefix} nor the keys in a
     * DeleteObjects body; the sink lists only under a partition's boundary prefix, {@code markerPrefix}.
     */
    static List<IamRequest> ofS3(S3Operation op, String markerPrefix) {
        String bucketArn = "arn:aws:s3:::" + op.bucket();
        String objectArn = bucketArn + "/" + op.key();
        return List.of(
                switch (op.name()) {
                    case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
                        new IamRequest(op.name(), "s3:PutObject", objectArn, Map.of());
                    case "GetObject", "HeadObject" -> new IamRequest(op.name(), "s3:GetObject", objectArn, Map.of());
                    case "DeleteObject" -> new IamRequest(op.name(), "s3:DeleteObject", objectArn, Map.of());
                    case "DeleteObjects" ->
                        new IamRequest(
                                op.name(),
                                "s3:DeleteObject",
                                bucketArn + "/" + markerPrefix + "00000000000000000000",
                                Map.of());
                    case "AbortMultipartUpload" ->
                        new IamRequest(op.name(), "s3:AbortMultipartUpload", objectArn, Map.of());
                    case "ListObjectsV2", "ListObjects" ->
                        new IamRequest(op.name(), "s3:ListBucket", bucketArn, Map.of("s3:prefix", markerPrefix));
                    case "HeadBucket" -> new IamRequest(op.name(), "s3:ListBucket", bucketArn, Map.of());
                    default ->
                        throw new IllegalArgumentException("no IAM mapping for S3 operation " + op.name()
                                + ": add it here and decide whether the policy must allow it");
                });
    }

    /**
     * The IAM requests of one Glue action: Glue authorizes a table action on the catalog, the database and the
     * table, a database action on the catalog and the database.
     */
    static List<IamRequest> ofGlue(String operation, String region, String account, String database, String table) {
        String prefix = "arn:aws:glue:" + region + ":" + account + ":";
        String action = "glue:" + operation;
        List<String> resources = switch (operation) {
            case "CreateDatabase", "GetDatabase" -> List.of(prefix + "catalog", prefix + "database/" + database);
            case "GetTable",
                    "CreateTable",
                    "UpdateTable",
                    "BatchGetPartition",
                    "BatchCreatePartition",
                    "GetPartitions",
                    "GetPartition",
                    "CreatePartition" ->
                List.of(
                        prefix + "catalog",
                        prefix + "database/" + database,
                        prefix + "table/" + database + "/" + table);
            default ->
                throw new IllegalArgumentException("no IAM mapping for Glue action " + operation
                        + ": add it here and decide whether the policy must allow it");
        };
        return resources.stream()
                .map(r -> new IamRequest(operation, action, r, Map.of()))
                .toList();
    }
}
