package io.stocklake.sink.route;

import org.apache.kafka.common.TopicPartition;

/**
 * Names the objects in the bucket. Data files:
 * {@code <topics.dir>/<table>/<partition path>/<topic>+<kafka partition>+<start offset, 20 digits><ext>}.
 * Each Kafka partition's boundary log, outside every table folder:
 * {@code <topics.dir>/_boundaries/<table>/<topic>/<kafka partition>/log}; earlier versions kept one marker per
 * boundary beside it, named by the batch's start offset (20 digits).
 */
public record ObjectLayout(String bucket, String topicsDir) {

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
