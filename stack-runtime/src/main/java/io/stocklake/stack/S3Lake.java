package io.stocklake.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a sink left in a bucket, seen as a reader of the lake sees it: the objects under a prefix (every page of
 * the listing), their bytes, and the Hive partition values their keys carry.
 */
public final class S3Lake {

    private final S3Client client;
    private final String bucket;

    public S3Lake(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Every object whose key starts with {@code prefix}, in key order. */
    public List<LakeObject> objects(String prefix) {
        List<LakeObject> objects = new ArrayList<>();
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        ListObjectsV2Response page;
        do {
            page = client.listObjectsV2(request.build());
            for (S3Object object : page.contents()) {
                objects.add(new LakeObject(object.key(), object.size()));
            }
            request.continuationToken(page.nextContinuationToken());
        } while (Boolean.TRUE.equals(page.isTruncated()));
        return objects;
    }

    /** The whole content of an object. */
    public byte[] read(String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** One object of the lake. */
    public record LakeObject(String key, long size) {

        /** The last path element: {@code stock-ticks+0+00000000000000000042.parquet}. */
        public String fileName() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        /** The {@code name=value} folders of the key, outermost first: {@code {dt=2026-11-24, hour=03}}. */
        public Map<String, String> partitionValues() {
            Map<String, String> values = new LinkedHashMap<>();
            String[] segments = key.split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                int eq = segments[i].indexOf('=');
                if (eq > 0) {
                    values.put(segments[i].substring(0, eq), segments[i].substring(eq + 1));
                }
            }
            return values;
        }

        /** The Kafka partition in a data file's name ({@code <topic>+<partition>+<start offset><ext>}). */
        public int kafkaPartition() {
            String[] parts = nameParts();
            return Integer.parseInt(parts[parts.length - 2]);
        }

        /** The offset of the file's first record, from its name. */
        public long startOffset() {
            String[] parts = nameParts();
            String last = parts[parts.length - 1];
            int dot = last.indexOf('.');
            return Long.parseLong(dot < 0 ? last : last.substring(0, dot));
        }

        private String[] nameParts() {
            String[] parts = fileName().split("\\+");
            if (parts.length < 3) {
                throw new IllegalStateException("Not a data file name (<topic>+<partition>+<offset><ext>): " + key);
            }
            return parts;
        }
    }
}
