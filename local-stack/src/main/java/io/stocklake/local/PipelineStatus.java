package io.stocklake.local;

import io.stocklake.stack.ConnectorStatus;
import java.util.List;

/**
 * One reading of the pipeline, for the status line.
 *
 * @param topicOffsets    sum of the ticks topic's end offsets (ticks produced)
 * @param sinkCommitted   sum of the sink's committed offsets: records durably in S3 and registered in Glue
 * @param objects         data objects under the table prefix
 * @param bytes           their total size
 * @param gluePartitions  partitions registered in the Glue table (-1 while the table does not exist)
 * @param compaction      what a query of the table reads, and what compaction did to it
 */
record PipelineStatus(
        long topicOffsets,
        long sinkCommitted,
        long objects,
        long bytes,
        long gluePartitions,
        CompactionFigures compaction,
        List<ConnectorStatus> connectors) {

    long lag() {
        return Math.max(0, topicOffsets - sinkCommitted);
    }
}
