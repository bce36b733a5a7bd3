package io.stocklake.compaction.metrics;

import io.stocklake.compaction.run.CompactionPass;
import io.stocklake.compaction.run.PassReport;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compaction pass with its figures: counts each table's objects before and after, and records the pass's
 * outcomes and failures. Counting costs a GetPartitions and a listing of the table's folder per table, twice a
 * pass; a count that fails is reported as a failure and leaves the pass alone.
 */
public final class MeteredPass {

    private static final Logger log = LoggerFactory.getLogger(MeteredPass.class);

    private final CompactionPass pass;
    private final ObjectCounter counter;
    private final Function<String, String> tableFolder;
    private final CompactionMetrics metrics;
    private final Clock clock;

    /** @param tableFolder the sink's folder (key prefix) of a table */
    public MeteredPass(
            CompactionPass pass,
            ObjectCounter counter,
            Function<String, String> tableFolder,
            CompactionMetrics metrics,
            Clock clock) {
        this.pass = pass;
        this.counter = counter;
        this.tableFolder = tableFolder;
        this.metrics = metrics;
        this.clock = clock;
    }

    public PassReport run(List<String> tables) {
        Map<String, TableObjects> before = new HashMap<>();
        for (String table : tables) {
            before.put(table, count(table));
        }
        PassReport report = pass.run(tables);
        metrics.passed(report, clock.instant());
        for (String table : tables) {
            metrics.objects(table, before.get(table), count(table));
        }
        return report;
    }

    private TableObjects count(String table) {
        try {
            return counter.count(table, tableFolder.apply(table));
        } catch (RuntimeException e) {
            log.warn("Could not count the objects of table {}: {}", table, e.toString());
            metrics.failed("counting the objects of " + table + ": " + e, clock.instant());
            return TableObjects.NONE;
        }
    }
}
