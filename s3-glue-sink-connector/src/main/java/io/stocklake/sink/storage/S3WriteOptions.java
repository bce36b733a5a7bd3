package io.stocklake.sink.storage;

import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** What every written object carries: server-side encryption ({@code s3.sse}, {@code s3.sse.kms.key.id}). */
record S3WriteOptions(String sse, String kmsKeyId) {

    PutObjectRequest put(String bucket, String key, long length) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length);
        if (!"none".equals(sse)) {
            b.serverSideEncryption(ServerSideEncryption.fromValue(sse));
            if (!kmsKeyId.isEmpty()) {
                b.ssekmsKeyId(kmsKeyId);
            }
        }
        return b.build();
    }

    CreateMultipartUploadRequest createMultipart(String bucket, String key) {
        CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
        if (!"none".equals(sse)) {
            b.serverSideEncryption(ServerSideEncryption.fromValue(sse));
            if (!kmsKeyId.isEmpty()) {
                b.ssekmsKeyId(kmsKeyId);
            }
        }
        return b.build();
    }
}
