package io.stocklake.local;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The newest tick event time a query sees through Trino (today's partitions, UTC): one end of freshness. */
final class NewestQueryableEvent implements PipelineMonitor.NewestEventTime {

    static final String SQL = "SELECT CAST(max(event_time) AS varchar) FROM " + LocalStackSettings.CATALOG + "."
            + LocalStackSettings.DATABASE + "." + LocalStackSettings.TABLE + " WHERE dt = ?";
    private static final DateTimeFormatter TRINO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final DashboardServer.SqlEngine engine;
    private final Clock clock;

    NewestQueryableEvent(DashboardServer.SqlEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public Instant read() throws Exception {
        String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        List<List<String>> rows = engine.run(SQL, List.of(day), 1);
        return rows.size() < 2 ? null : parse(rows.get(1).get(0));
    }

    /** Trino's text of a {@code timestamp(3)} read in UTC ({@code hive.parquet.time-zone=UTC}); null for none. */
    static Instant parse(String text) {
        if (text == null || text.equals("null") || text.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(text, TRINO_TIMESTAMP).toInstant(ZoneOffset.UTC);
    }
}
