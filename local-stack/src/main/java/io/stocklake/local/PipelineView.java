package io.stocklake.local;

import io.stocklake.stack.ConnectorStatus;
import java.util.List;

/**
 * What the page's pipeline panel shows, as {@code /api/pipeline} returns it: the latest reading, rates from the one
 * before, freshness and the last errors.
 */
record PipelineView(
        String time,
        List<ConnectorStatus> connectors,
        long ticksProduced,
        double ticksPerSecond,
        long recordsInS3,
        double recordsPerSecond,
        long objects,
        long bytesInS3,
        double bytesPerSecond,
        long gluePartitions,
        CompactionFigures compaction,
        long lag,
        Freshness freshness,
        List<PipelineError> errors,
        String workerLog) {

    /**
     * Event time to queryable, in seconds; null until measured.
     *
     * @param method how it is measured, shown on the page
     */
    record Freshness(Double latestSeconds, Double p50Seconds, Double p99Seconds, int samples, String method) {}

    /** A failure seen by the monitor, and where to read more. */
    record PipelineError(String time, String source, String message, String where) {}
}
