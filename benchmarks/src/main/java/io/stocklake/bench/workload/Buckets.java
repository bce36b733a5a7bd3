package io.stocklake.bench.workload;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Empties a bucket between runs: S3Proxy keeps objects in the benchmark's own heap. */
public final class Buckets {

    private Buckets() {}

    public static void empty(S3Client s3, String bucket) {
        List<S3Object> objects;
        while (!(objects = s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty()) {
            List<ObjectIdentifier> keys = objects.stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys)));
        }
    }
}
