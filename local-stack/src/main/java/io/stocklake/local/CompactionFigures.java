package io.stocklake.local;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the page shows of compaction, read from the lake as a reader sees it: the objects a query of the whole table
 * reads (in each partition, those directly in the folder the catalog points it at, hidden names left out), the most
 * in one partition, the partitions that read a compacted generation, and the compactions that made them (a
 * generation's number counts the compactions of its partition).
 */
record CompactionFigures(long queriedObjects, long maxPerPartition, int compactedPartitions, long compactions) {

    static final CompactionFigures NONE = new CompactionFigures(0, 0, 0, 0);

    private static final Pattern GENERATION = Pattern.compile("/_compacted/g(\\d+)-[^/]+/?$");

    /**
     * @param keys      every key under the table's folder
     * @param locations the catalog's location of each partition ({@code s3://bucket/...})
     */
    static CompactionFigures of(Collection<String> keys, Collection<String> locations, String bucket) {
        Map<String, Long> perFolder = new HashMap<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            String name = key.substring(slash + 1);
            if (!name.startsWith("_") && !name.startsWith(".")) {
                perFolder.merge(key.substring(0, slash + 1), 1L, Long::sum);
            }
        }
        String scheme = "s3://" + bucket + "/";
        long objects = 0;
        long max = 0;
        int compacted = 0;
        long compactions = 0;
        for (String location : locations) {
            if (location == null || !location.startsWith(scheme)) {
                continue;
            }
            String folder = location.substring(scheme.length());
            long count = perFolder.getOrDefault(folder.endsWith("/") ? folder : folder + "/", 0L);
            objects += count;
            max = Math.max(max, count);
            Matcher generation = GENERATION.matcher(location);
            if (generation.find()) {
                compacted++;
                compactions += Long.parseLong(generation.group(1));
            }
        }
        return new CompactionFigures(objects, max, compacted, compactions);
    }
}
