package io.stocklake.sink.format;

import java.util.function.LongSupplier;

/**
 * A size that is costly to read exactly (a Parquet writer sums every column's buffers, a walk that was a sixth of
 * the sink task's put in a worker profile), read exactly only every so many records and extrapolated in between
 * at the bytes per record of the last exact read.
 *
 * <p>Reads are spaced so that the records between two of them are about {@link #BYTES_BETWEEN_READS} at that
 * rate, at most {@link #MAX_RECORDS_BETWEEN_READS}: large records are read after every one. The schedule
 * depends only on the records written, like parquet-java's own row group checks, so the same records give the
 * same sizes and a size-based rotation cuts at the same record when they are replayed.
 */
final class SampledSize {

    static final long BYTES_BETWEEN_READS = 64 * 1024;
    static final int MAX_RECORDS_BETWEEN_READS = 64;

    private final LongSupplier exact;
    private long records;
    private long readSize;
    private long readRecords;
    private long nextRead = 1;

    SampledSize(LongSupplier exact) {
        this.exact = exact;
        this.readSize = exact.getAsLong();
    }

    /** Counts one more record written. */
    void recordWritten() {
        records++;
        if (records >= nextRead) {
            readSize = exact.getAsLong();
            readRecords = records;
            long perRecord = Math.max(1, readSize / readRecords);
            nextRead = records + Math.max(1, Math.min(BYTES_BETWEEN_READS / perRecord, MAX_RECORDS_BETWEEN_READS));
        }
    }

    /** The last exact read, plus the records written since at its bytes per record. */
    long bytes() {
        if (readRecords == 0) {
            return readSize;
        }
        return readSize + (records - readRecords) * readSize / readRecords;
    }
}
