package io.stocklake.sink.storage;

import io.stocklake.sink.config.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** What every written object carries: server-side encryption ({@code s3.sse}, {@code s3.sse.kms.key.id}). */
record S3WriteOptions(ServerSideEncryption sse, String kmsKeyId) {

    PutObjectRequest put(String bucket, String key, long length) {
        PutObjectRequest.Builder b =
                PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length);
        if (sse != ServerSideEncryption.NONE) {
            b.serverSideEncryption(sse.configName());
            if (!kmsKeyId.isEmpty()) {
                b.ssekmsKeyId(kmsKeyId);
            }
        }
        return b.build();
    }

    CreateMultipartUploadRequest createMultipart(String bucket, String key) {
        CreateMultipartUploadRequest.Builder b =
                CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
        if (sse != ServerSideEncryption.NONE) {
            b.serverSideEncryption(sse.configName());
            if (!kmsKeyId.isEmpty()) {
                b.ssekmsKeyId(kmsKeyId);
            }
        }
        return b.build();
    }
}
