package io.stocklake.sink.storage;

import io.stocklake.sink.config.ServerSideEncryption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on one S3 bucket. */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final S3WriteOptions options;
    private final List<AutoCloseable> resources;

    /**
     * @param resources closed with the store after the client (e.g. the STS client behind its credentials)
     */
    public S3ObjectStore(
            S3Client s3,
            String bucket,
            int partSize,
            ServerSideEncryption sse,
            String kmsKeyId,
            List<AutoCloseable> resources) {
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, got " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.options = new S3WriteOptions(sse, kmsKeyId);
        this.resources = List.copyOf(resources);
    }

    @Override
    public ObjectUpload startUpload(String key) {
        return new S3ObjectUpload(s3, bucket, key, partSize, options);
    }

    @Override
    public void put(String key, byte[] content) {
        try {
            s3.putObject(options.put(bucket, key, content.length), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw failure("get", key, e);
        }
    }

    @Override
    public VersionedObject read(String key) {
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return new VersionedObject(object.asByteArray(), object.response().eTag());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw failure("get", key, e);
        }
    }

    @Override
    public String putIf(String key, byte[] content, String expectedVersion) {
        PutObjectRequest plain = options.put(bucket, key, content.length);
        PutObjectRequest conditional = expectedVersion == null
                ? plain.toBuilder().ifNoneMatch("*").build()
                : plain.toBuilder().ifMatch(expectedVersion).build();
        try {
            return s3.putObject(conditional, RequestBody.fromBytes(content)).eTag();
        } catch (S3Exception e) {
            // 409 ConditionalRequestConflict: a concurrent conditional write to the key won; ours did not land.
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                throw new ObjectChangedException(
                        "s3://" + bucket + "/" + key + " changed since it was read ("
                                + (expectedVersion == null ? "expected none" : "expected " + expectedVersion) + ")",
                        e);
            }
            throw failure("put", key, e);
        } catch (SdkException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(
                            r -> r.bucket(bucket).prefix(prefix))
                    .contents()) {
                keys.add(object.key());
            }
            return keys;
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> ids = keys.stream()
                .map(k -> ObjectIdentifier.builder().key(k).build())
                .toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            try {
                DeleteObjectsResponse response = s3.deleteObjects(
                        r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw new StorageException(
                            "delete of " + response.errors().size() + " objects failed, first: "
                                    + response.errors().get(0).key() + ": "
                                    + response.errors().get(0).message(),
                            null);
                }
            } catch (SdkException e) {
                throw failure("delete", batch.get(0).key(), e);
            }
        }
    }

    /**
     * Lists at most one key under {@code prefix}: the cheapest request the sink's least-privilege policy allows
     * (s3:ListBucket on its prefix only, which HeadBucket does not satisfy). StorageException, with the cause
     * classified, when the bucket does not exist or the credentials or region do not reach it.
     */
    public void checkPrefix(String prefix) {
        try {
            s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(1));
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    /** Fails with a StorageException saying why when the bucket does not exist or the credentials cannot reach it. */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new StorageException(
                    "Bucket " + bucket + " is not reachable with the configured credentials: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {}: {}", resource, e.getMessage());
            }
        }
    }

    private StorageException failure(String operation, String key, SdkException e) {
        return new StorageException(operation + " of s3://" + bucket + "/" + key + " failed", e);
    }
}
