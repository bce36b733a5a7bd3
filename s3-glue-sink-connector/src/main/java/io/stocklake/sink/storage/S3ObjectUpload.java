package io.stocklake.sink.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Streams one object to S3: bytes collect in a part buffer; the first full part turns the upload into a
 * multipart upload and every full part is sent while the file is still being written. A file that never
 * fills a part is one PUT at {@link #complete()}.
 */
final class S3ObjectUpload implements ObjectUpload {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final S3WriteOptions options;
    private final PartBuffer buffer = new PartBuffer();
    private final List<CompletedPart> parts = new ArrayList<>();
    private final OutputStream stream = new PartStream();
    private String uploadId;
    private long bytesWritten;
    private boolean done;
    private StorageException failure;

    S3ObjectUpload(S3Client s3, String bucket, String key, int partSize, S3WriteOptions options) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.options = options;
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long heldBytes() {
        return buffer.allocated();
    }

    @Override
    public void complete() {
        ensureOpen();
        try {
            if (uploadId == null) {
                s3.putObject(options.put(bucket, key, buffer.size()), body());
            } else {
                if (buffer.size() > 0) {
                    sendPart();
                }
                s3.completeMultipartUpload(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            }
            done = true;
            buffer.clear();
        } catch (SdkException e) {
            throw new StorageException("upload of s3://" + bucket + "/" + key + " failed", e);
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        buffer.clear();
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException e) {
                // A bucket lifecycle rule for incomplete multipart uploads removes what is left.
                log.warn("Could not abort multipart upload of s3://{}/{}: {}", bucket, key, e.getMessage());
            }
        }
    }

    private void ensureOpen() {
        if (done) {
            throw new IllegalStateException("upload of " + key + " already completed or aborted");
        }
    }

    private RequestBody body() {
        return RequestBody.fromContentProvider(buffer::newStream, buffer.size(), "application/octet-stream");
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(options.createMultipart(bucket, key))
                    .uploadId();
        }
        int number = parts.size() + 1;
        UploadPartResponse response = s3.uploadPart(
                r -> r.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength(buffer.size()),
                body());
        parts.add(
                CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
        buffer.clear();
    }

    private final class PartStream extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            if (failure != null) {
                // The part buffer is still full of the part that failed: nothing more fits.
                throw new IOException(failure);
            }
            while (len > 0) {
                int n = (int) Math.min(len, partSize - buffer.size());
                buffer.write(b, off, n);
                bytesWritten += n;
                off += n;
                len -= n;
                if (buffer.size() == partSize) {
                    try {
                        sendPart();
                    } catch (SdkException e) {
                        failure = new StorageException("part upload of s3://" + bucket + "/" + key + " failed", e);
                        throw new IOException(failure);
                    }
                }
            }
        }
    }
}
