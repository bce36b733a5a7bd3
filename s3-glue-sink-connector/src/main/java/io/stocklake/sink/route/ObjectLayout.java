package io.stocklake.sink.route;

import org.apache.kafka.common.TopicPartition;

/**
 * Names the objects in the bucket. Data files:
 * {@code <topics.dir>/<table>/<partition path>/<topic>+<kafka partition>+<start offset, 20 digits><ext>}.
 * Each Kafka partition's boundary log, outside every table folder:
 * {@code <topics.dir>/_boundaries/<table>/<topic>/<kafka partition>/log}; earlier versions kept one marker per
 * boundary beside it, named by the batch's start offset (20 digits). Compaction keeps its generations and state
 * inside each partition folder under {@value #COMPACTED_FOLDER}: readers skip folders whose name starts with an
 * underscore, and the partition's location in the catalog may point at one generation.
 */
public record ObjectLayout(String bucket, String topicsDir) {

    /** The folder inside a partition folder that holds its compacted generations. */
    public static final String COMPACTED_FOLDER = "_compacted";

    /** The object in a partition's compacted folder that names its current generation and any claimed next one. */
    public static final String COMPACTION_STATE = "state.json";

    /** The {@code s3://} URI of a key or key prefix, as a catalog records locations. */
    public String uri(String keyOrPrefix) {
        return "s3://" + bucket + "/" + keyOrPrefix;
    }

    public String tableLocation(String table) {
        return topicsDir + "/" + table + "/";
    }

    public String partitionLocation(Destination destination) {
        return tableLocation(destination.table()) + destination.partition().path() + "/";
    }

    /** Where compaction writes a partition's generations and keeps its state. */
    public String compactedPrefix(Destination destination) {
        return partitionLocation(destination) + COMPACTED_FOLDER + "/";
    }

    /** The compaction state of a partition (see the compaction connector), absent while it was never compacted. */
    public String compactionStateKey(Destination destination) {
        return compactedPrefix(destination) + COMPACTION_STATE;
    }

    /** The folder of a compacted generation: named by its number and attempt, under the partition's compacted folder. */
    public static String generationFolder(String compactedPrefix, int generation, String attempt) {
        return compactedPrefix + String.format("g%06d-%s/", generation, attempt);
    }

    /** The file name of a key: what follows its last '/'. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * True when {@code location} (a catalog location, with or without its trailing slash) is a compacted
     * generation of the partition folder {@code partitionLocation}, both as {@link #uri} gives them.
     */
    public static boolean isCompactionOf(String location, String partitionLocation) {
        String folder = partitionLocation.endsWith("/") ? partitionLocation : partitionLocation + "/";
        return location.startsWith(folder + COMPACTED_FOLDER + "/");
    }

    public String dataKey(Destination destination, TopicPartition tp, long startOffset, String extension) {
        return partitionLocation(destination) + tp.topic() + "+" + tp.partition() + "+" + padded(startOffset)
                + extension;
    }

    public String markerPrefix(String table, TopicPartition tp) {
        return topicsDir + "/_boundaries/" + table + "/" + tp.topic() + "/" + tp.partition() + "/";
    }

    public String boundaryLogKey(String table, TopicPartition tp) {
        return markerPrefix(table, tp) + "log";
    }

    private static String padded(long offset) {
        return String.format("%020d", offset);
    }
}
