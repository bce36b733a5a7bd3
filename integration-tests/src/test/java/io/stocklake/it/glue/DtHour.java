package io.stocklake.it.glue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The sink's default time partitions ({@code 'dt'=yyyy-MM-dd/'hour'=HH}, UTC) of a record timestamp. */
final class DtHour {

    private static final DateTimeFormatter DT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    private DtHour() {}

    /** {@code [dt, hour]}, the partition values Glue holds. */
    static List<String> of(long epochMillis) {
        Instant time = Instant.ofEpochMilli(epochMillis);
        return List.of(DT.format(time), HOUR.format(time));
    }

    /** {@code dt=.../hour=...}, the partition's folder. */
    static String path(List<String> values) {
        return "dt=" + values.get(0) + "/hour=" + values.get(1);
    }
}
