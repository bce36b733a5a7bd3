package io.stocklake.athena;

import io.stocklake.stack.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bytes each analytics query scans on the sample day, per table: Trino's physical input bytes (what it read from S3,
 * as stored), which is what Athena bills as "data scanned". Written as a Markdown table for athena/README.md.
 */
final class BytesScannedReport {

    static final String FILE_NAME = "athena-bytes-scanned.md";

    private final String day;
    private final HivePartition hour;
    private final long dayTicks;
    private final List<SinkTable> tables;
    private final Map<SinkTable, Long> stored;
    private final Map<String, Map<SinkTable, Long>> scanned;

    private BytesScannedReport(
            String day,
            HivePartition hour,
            long dayTicks,
            List<SinkTable> tables,
            Map<SinkTable, Long> stored,
            Map<String, Map<SinkTable, Long>> scanned) {
        this.day = day;
        this.hour = hour;
        this.dayTicks = dayTicks;
        this.tables = tables;
        this.stored = stored;
        this.scanned = scanned;
    }

    /** Runs every query of {@link AthenaQuery#files()} on each table, for the sample day (and its busiest hour). */
    static BytesScannedReport measure(
            AthenaStandIn athena, S3Server s3, ProducedTicks produced, List<SinkTable> tables) {
        String day = produced.sampleDay();
        HivePartition hour = produced.busiestPartition(day);
        LakeObjects objects = new LakeObjects(s3);
        Map<SinkTable, Long> stored = new LinkedHashMap<>();
        tables.forEach(table -> stored.put(table, objects.bytes(table, day)));
        Map<String, Map<SinkTable, Long>> scanned = new LinkedHashMap<>();
        for (String file : AthenaQuery.files()) {
            AthenaQuery query = AthenaQuery.load(file);
            Map<SinkTable, Long> bytes = new LinkedHashMap<>();
            for (SinkTable table : tables) {
                String sql = query.on("awsdatacatalog." + table.qualifiedName())
                        .executeImmediate(
                                query.parameterCount() == 1
                                        ? new String[] {day}
                                        : new String[] {hour.dt(), hour.hour()});
                bytes.put(table, athena.query(sql).inputBytes());
            }
            scanned.put(file, bytes);
        }
        return new BytesScannedReport(
                day, hour, produced.where(ProducedTicks.onDay(day)).size(), tables, stored, scanned);
    }

    long bytes(String file, SinkTable table) {
        return Objects.requireNonNull(scanned.get(file).get(table), file + " on " + table);
    }

    /** The table as Markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Sample day ")
                .append(day)
                .append(": ")
                .append(String.format("%,d", dayTicks))
                .append(" ticks of ")
                .append(TickSource.SYMBOLS.size())
                .append(" symbols; ticks_per_second.sql on hour ")
                .append(hour.hour())
                .append(". Bytes read from S3 (Trino physical input bytes).\n\n");
        out.append("| query |");
        tables.forEach(table -> out.append(' ').append(table).append(" |"));
        out.append("\n|---|");
        tables.forEach(table -> out.append("---:|"));
        out.append("\n| *stored for the day* |");
        tables.forEach(table -> out.append(String.format(" %,d |", stored.get(table))));
        scanned.forEach((file, bytes) -> {
            out.append("\n| `").append(file).append("` |");
            tables.forEach(table -> out.append(String.format(" %,d |", bytes.get(table))));
        });
        return out.append('\n').toString();
    }

    /** Prints the table and writes it to the build folder ({@value #FILE_NAME}). */
    void write() throws IOException {
        String markdown = markdown();
        System.out.println(markdown);
        Path dir = Paths.get(System.getProperty("stocklake.report.dir", "target"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE_NAME), markdown);
    }
}
