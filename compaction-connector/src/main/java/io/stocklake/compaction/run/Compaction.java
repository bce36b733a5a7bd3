package io.stocklake.compaction.run;

import io.stocklake.compaction.catalog.GlueLocations;
import io.stocklake.compaction.catalog.GlueTable;
import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.plan.ClosedPartitions;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.compaction.rewrite.ParquetRewriter;
import io.stocklake.compaction.rewrite.TableSchema;
import io.stocklake.compaction.swap.Compactor;
import io.stocklake.sink.commit.LandedOffsets;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectStore;
import java.time.Clock;
import java.util.UUID;
import software.amazon.awssdk.services.glue.GlueClient;

/** Puts a task's compaction together from its settings and its S3 and Glue clients. */
public final class Compaction {

    private Compaction() {}

    /** @param owner names this compactor in the claims it writes; unique per running task */
    public static CompactionPass pass(CompactionConfig config, ObjectStore store, GlueClient glue, String owner) {
        GlueTable tables = new GlueTable(glue, config.glueCatalogId(), config.glueDatabase());
        // The schema is read at each rewrite: compacted files get the columns the table has then.
        ParquetRewriter rewriter = new ParquetRewriter(
                store, name -> TableSchema.of(name, GlueTable.columns(tables.table(name))), config.output());
        ObjectLayout layout = new ObjectLayout(config.bucket(), config.topicsDir());
        Compactor compactor = new Compactor(
                store,
                layout,
                new GlueLocations(glue, config.glueCatalogId(), config.glueDatabase()),
                rewriter,
                config.times(),
                Clock.systemUTC(),
                owner,
                () -> UUID.randomUUID().toString().substring(0, 8),
                new LandedOffsets(store, layout));
        return new CompactionPass(
                tables,
                new ClosedPartitions(config.pathTemplate(), config.zone(), config.closedGrace()),
                new PartitionShare(config.taskIndex(), config.taskCount()),
                compactor,
                config.openMinFiles());
    }
}
