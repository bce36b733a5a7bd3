package io.stocklake.bench.compaction;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a query of the whole table reads: per partition, the objects directly in the folder Glue points it at
 * (the sink's folder, or a compacted generation), names starting with {@code _} or {@code .} left out as readers
 * leave them out.
 *
 * @param perPartition objects per partition, keyed by the partition's folder name (e.g. {@code dt=.../hour=03})
 * @param compacted    partitions whose location is a compacted generation
 */
record LakeObjects(Map<String, Long> perPartition, int compacted) {

    static LakeObjects read(S3Client s3, String bucket, GlueClient glue, String database, String table) {
        Map<String, Long> perFolder = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("topics/" + table + "/"))
                .contents()) {
            String key = object.key();
            int slash = key.lastIndexOf('/');
            String name = key.substring(slash + 1);
            if (!name.startsWith("_") && !name.startsWith(".")) {
                perFolder.merge(key.substring(0, slash + 1), 1L, Long::sum);
            }
        }
        Map<String, Long> perPartition = new TreeMap<>();
        int compacted = 0;
        String scheme = "s3://" + bucket + "/";
        for (var page : glue.getPartitionsPaginator(
                r -> r.databaseName(database).tableName(table).excludeColumnSchema(true))) {
            for (Partition partition : page.partitions()) {
                String location = partition.storageDescriptor().location();
                String folder = location.substring(scheme.length());
                folder = folder.endsWith("/") ? folder : folder + "/";
                if (folder.contains("/_compacted/")) {
                    compacted++;
                }
                String name = "dt=" + partition.values().get(0)
                        + (partition.values().size() > 1
                                ? "/hour=" + partition.values().get(1)
                                : "");
                perPartition.put(name, perFolder.getOrDefault(folder, 0L));
            }
        }
        return new LakeObjects(perPartition, compacted);
    }

    long total() {
        return perPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    int partitions() {
        return perPartition.size();
    }

    /** The objects of the partitions but the last (the open hour). */
    long closed() {
        return total() - open();
    }

    /** The objects of the last partition: the open hour. */
    long open() {
        return perPartition.values().stream().reduce((a, b) -> b).orElse(0L);
    }
}
