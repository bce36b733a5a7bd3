package io.stocklake.compaction.swap;

import java.time.Duration;

/**
 * @param minFiles       the fewest sink files worth compacting in a partition not compacted before
 * @param retentionGrace how long replaced files stay after the swap: longer than the longest query, which may
 *                       have listed them before the swap
 * @param claimTimeout   how long a claim holds without being finished before another compactor takes it over
 */
public record CompactionTimes(int minFiles, Duration retentionGrace, Duration claimTimeout) {}
