package io.stocklake.infrastructure.settings;

import io.stocklake.infrastructure.connect.ConnectorConfig;
import java.util.Optional;

/**
 * The lake: its bucket, the sink's prefix and Glue database, and how it is encrypted and kept.
 *
 * @param bucketName                 may hold CDK tokens (the default names the account and region)
 * @param kmsKeyArn                  a customer managed key to encrypt with; empty for SSE-S3
 * @param partitionProjection        the sink declares Athena partition projection on the table it creates
 * @param incompleteUploadAbortDays  multipart uploads left unfinished are aborted after this many days
 */
public record LakeSettings(
        String bucketName,
        String prefix,
        String database,
        Optional<String> kmsKeyArn,
        boolean partitionProjection,
        int incompleteUploadAbortDays) {

    public static final int DEFAULT_INCOMPLETE_UPLOAD_ABORT_DAYS = 1;

    public LakeSettings {
        if (incompleteUploadAbortDays < 1) {
            throw new IllegalArgumentException("lifecycle periods are whole days, at least 1");
        }
    }

    /**
     * From the context; the prefix and database default to the shipped sink config's, the bucket to
     * {@code stocklake-<account>-<region>}.
     */
    static LakeSettings from(Context context, ConnectorConfig sink, String account, String region) {
        return new LakeSettings(
                context.text("bucketName", "stocklake-" + account + "-" + region),
                context.text("lakePrefix", sink.get("topics.dir")),
                context.text("database", sink.get("glue.database")),
                context.text("kmsKeyArn"),
                context.flag("partitionProjection", false),
                (int) context.number("incompleteUploadAbortDays", DEFAULT_INCOMPLETE_UPLOAD_ABORT_DAYS));
    }
}
