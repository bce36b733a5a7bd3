package io.stocklake.sink.route;

import org.apache.kafka.common.TopicPartition;

/**
 * Names the objects in the bucket. Data files:
 * {@code <topics.dir>/<table>/<partition path>/<topic>+<kafka partition>+<start offset, 20 digits><ext>}.
 * Rotation boundary markers, outside every table folder:
 * {@code <topics.dir>/_boundaries/<table>/<topic>/<kafka partition>/<start offset, 20 digits>}.
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

    public String markerKey(String table, TopicPartition tp, long startOffset) {
        return markerPrefix(table, tp) + padded(startOffset);
    }

    /** The start offset a marker key names. */
    public long markerStart(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }

    private static String padded(long offset) {
        return String.format("%020d", offset);
    }
}
