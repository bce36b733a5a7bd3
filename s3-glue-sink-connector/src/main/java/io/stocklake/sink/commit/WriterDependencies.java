package io.stocklake.sink.commit;

import java.time.Clock;
import java.util.concurrent.Executor;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.RecordRouter;
import io.stocklake.sink.storage.ObjectStore;

/**
 * What every Kafka partition's writer shares.
 *
 * @param formatName  json, csv or parquet, for the catalog's table definition
 * @param compression none, gzip, zstd or snappy, likewise
 * @param uploads     where rotated files are finished and uploaded, in the order given
 */
public record WriterDependencies(ObjectStore store, FileFormat format, String formatName, String compression,
                                 RecordRouter router, ObjectLayout layout, PartitionCatalog catalog,
                                 RotationPolicy policy, NullValueBehavior nullValues, Clock clock,
                                 Executor uploads) {
}
