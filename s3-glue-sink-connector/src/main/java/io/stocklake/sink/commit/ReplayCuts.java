package io.stocklake.sink.commit;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where a Kafka partition's writer must cut so that its files are those already in S3, byte for byte: the
 * boundaries recorded in the {@link BoundaryLog} after the safe offset, the ones this run has still to reach, and the
 * end of the last batch that may be in S3, before which no cut that no rule would make may fall.
 */
final class ReplayCuts {

    /** Every recorded boundary after the safe offset: an abort's replay must cut at each of them again. */
    private final TreeSet<Long> recorded = new TreeSet<>();
    /** The recorded boundaries this run has still to reach. */
    private final TreeSet<Long> ahead = new TreeSet<>();

    private long uploadedThrough = -1;

    /** Adopts what a claim of the boundary log found. */
    void restore(BoundaryLog.Claimed found) {
        recorded.clear();
        recorded.addAll(found.cuts());
        ahead.clear();
        ahead.addAll(found.cuts());
        uploadedThrough = Math.max(uploadedThrough, found.uploadedThrough());
    }

    /** True, once per boundary, when a recorded boundary at or before {@code offset} is due. */
    boolean dueAt(long offset) {
        if (!ahead.isEmpty() && ahead.first() <= offset) {
            ahead.pollFirst();
            return true;
        }
        return false;
    }

    /** A batch [start, end) is about to upload; {@code early} when it ends where no rule would end it. */
    void uploading(long start, long end, boolean early) {
        uploadedThrough = Math.max(uploadedThrough, end);
        if (early) {
            recorded.add(start);
            recorded.add(end);
        }
    }

    /** Everything before {@code safeOffset} has landed: its boundaries need no replay. */
    void landedThrough(long safeOffset) {
        recorded.headSet(safeOffset, true).clear();
    }

    /** After an abort to {@code safeOffset}: the replay must cut where the batches after it were cut. */
    void rewindTo(long safeOffset) {
        ahead.clear();
        ahead.addAll(recorded.tailSet(safeOffset, false));
    }

    /**
     * False while replaying up to a recorded boundary or over batches that may be in S3 already, where a cut no
     * rule would make changes the files.
     */
    boolean allowEarlyCut(long nextOffset) {
        return ahead.isEmpty() && nextOffset >= uploadedThrough;
    }

    /** The recorded boundaries this run has still to reach. */
    NavigableSet<Long> ahead() {
        return Collections.unmodifiableNavigableSet(ahead);
    }
}
