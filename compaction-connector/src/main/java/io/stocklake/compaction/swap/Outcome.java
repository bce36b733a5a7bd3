package io.stocklake.compaction.swap;

/** What one compaction pass over a partition did. */
public enum Outcome {
    /** A new generation was written and readers now see it. */
    COMPACTED,
    /** Nothing to fold in (or too few files to be worth it); retired files may have been deleted. */
    NOTHING_TO_DO,
    /** Another compactor holds a live claim on the partition. */
    BUSY,
    /** Another compactor changed the partition's state first; this one stepped back. */
    LOST_RACE,
    /** The catalog has no such partition (yet, or no more). */
    NOT_REGISTERED,
    /**
     * The catalog points the partition somewhere neither the sink nor compaction put it: left alone, as moving it
     * would hide what is there.
     */
    FOREIGN_LOCATION
}
