package io.stocklake.athena;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code dt=yyyy-MM-dd/hour=HH} partition a time falls in, in UTC, as the sink's default path writes it. */
record HivePartition(String dt, String hour) implements Comparable<HivePartition> {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    static HivePartition of(Instant time) {
        return new HivePartition(DAY.format(time), HOUR.format(time));
    }

    /** {@code dt=2026-03-02/hour=21}. */
    String path() {
        return "dt=" + dt + "/hour=" + hour;
    }

    @Override
    public int compareTo(HivePartition other) {
        return path().compareTo(other.path());
    }
}
