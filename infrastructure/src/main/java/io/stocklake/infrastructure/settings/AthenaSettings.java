package io.stocklake.infrastructure.settings;

/**
 * The Athena workgroup the lake is queried in.
 *
 * @param bytesScannedCutoff   a query that would scan more is cancelled
 * @param resultsRetentionDays query results are deleted after this many days
 * @param dailyBytesAlarm      bytes scanned by the workgroup in a day above which the alarm fires
 */
public record AthenaSettings(
        String workgroup, long bytesScannedCutoff, int resultsRetentionDays, long dailyBytesAlarm) {

    public static final String DEFAULT_WORKGROUP = "stocklake";
    /** 10 GiB: stops a runaway query (docs/aws.md, Athena). */
    public static final long DEFAULT_BYTES_SCANNED_CUTOFF = 10L * 1024 * 1024 * 1024;

    public static final int DEFAULT_RESULTS_RETENTION_DAYS = 30;
    public static final long DEFAULT_DAILY_BYTES_ALARM = 100L * 1024 * 1024 * 1024;
    /** Athena's own floor for a workgroup's per-query cutoff. */
    static final long MIN_BYTES_SCANNED_CUTOFF = 10_000_000L;

    public AthenaSettings {
        if (bytesScannedCutoff < MIN_BYTES_SCANNED_CUTOFF) {
            throw new IllegalArgumentException("athenaBytesScannedCutoff must be at least " + MIN_BYTES_SCANNED_CUTOFF
                    + " bytes (Athena's minimum), not " + bytesScannedCutoff);
        }
    }

    static AthenaSettings from(Context context) {
        return new AthenaSettings(
                context.text("athenaWorkgroup", DEFAULT_WORKGROUP),
                context.number("athenaBytesScannedCutoff", DEFAULT_BYTES_SCANNED_CUTOFF),
                (int) context.number("athenaResultsRetentionDays", DEFAULT_RESULTS_RETENTION_DAYS),
                context.number("athenaDailyBytesAlarm", DEFAULT_DAILY_BYTES_ALARM));
    }
}
