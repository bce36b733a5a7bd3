package io.stocklake.compaction.run;

import io.stocklake.compaction.catalog.GlueTable;
import io.stocklake.compaction.plan.ClosedPartitions;
import io.stocklake.compaction.plan.PartitionRef;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.compaction.swap.Compactor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * One pass of one task: for each table, its closed partitions in the task's share are compacted one after the
 * other, and its open ones too when enabled (once enough of their landed files are not folded yet). A partition that fails is reported and tried again next pass; the others go on.
 */
public final class CompactionPass {

    private static final Logger log = LoggerFactory.getLogger(CompactionPass.class);

    private final GlueTable tables;
    private final ClosedPartitions closed;
    private final PartitionShare share;
    private final Compactor compactor;
    private final int openMinFiles;

    /** @param openMinFiles landed files that make an open partition worth compacting; 0 leaves open ones alone */
    public CompactionPass(
            GlueTable tables, ClosedPartitions closed, PartitionShare share, Compactor compactor, int openMinFiles) {
        this.tables = tables;
        this.closed = closed;
        this.share = share;
        this.compactor = compactor;
        this.openMinFiles = openMinFiles;
    }

    public PassReport run(List<String> names) {
        PassReport report = new PassReport();
        for (String name : names) {
            List<String> keys;
            List<List<String>> partitions;
            List<List<String>> open;
            try {
                Table table = tables.table(name);
                if (!GlueTable.parquet(table) || GlueTable.projected(table)) {
                    report.failed("table " + name + " is not compacted: compaction rewrites Parquet tables whose "
                            + "partitions are registered, not projected");
                    continue;
                }
                keys = GlueTable.partitionKeys(table);
                List<List<String>> all = tables.partitions(name);
                partitions = closed.closed(all);
                open = openMinFiles > 0 ? closed.open(all) : List.of();
            } catch (RuntimeException e) {
                log.warn("Could not list the partitions of table {}: {}", name, e.toString());
                report.failed(name + ": " + e);
                continue;
            }
            List<List<String>> every = new ArrayList<>(partitions);
            every.addAll(open);
            for (List<String> values : every) {
                PartitionRef partition = PartitionRef.of(name, keys, values);
                if (!share.owns(partition)) {
                    continue;
                }
                try {
                    report.add(
                            open.contains(values)
                                    ? compactor.compactOpen(partition, openMinFiles)
                                    : compactor.compact(partition));
                } catch (RuntimeException e) {
                    log.warn("Compaction of {} failed; it is tried again next pass: {}", partition, e.toString());
                    report.failed(partition + ": " + e);
                }
            }
        }
        return report;
    }
}
