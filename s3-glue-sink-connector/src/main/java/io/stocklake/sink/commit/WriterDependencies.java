package io.stocklake.sink.commit;

import java.time.Clock;
import java.util.concurrent.Executor;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.config.S3SinkConfig;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionTime;
import io.stocklake.sink.route.RecordRouter;
import io.stocklake.sink.storage.ObjectStore;
import org.apache.kafka.common.config.ConfigException;

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

    /**
     * The file format the connector's settings name, or a {@link ConfigException} naming the key. Check it before
     * connecting to anything.
     */
    public static FileFormat format(S3SinkConfig config) {
        try {
            return FileFormats.create(config.format(), config.compression());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(S3SinkConfig.FORMAT + ": " + e.getMessage());
        }
    }

    /** The connector's settings around the store, catalog, clock and upload thread the caller provides. */
    public static WriterDependencies from(S3SinkConfig config, FileFormat format, ObjectStore store,
                                          PartitionCatalog catalog, Clock clock, Executor uploads) {
        RecordRouter router = new RecordRouter(config.tableNaming(), config.pathTemplate(), config.partitionFields(),
                PartitionTime.from(config.timeSource(), config.timeField(), clock), config.timezone());
        RotationPolicy policy = new RotationPolicy(config.flushSize(), config.rotateSizeBytes(),
                config.rotateIntervalMs(), config.rotateScheduleIntervalMs(), config.timezone());
        return new WriterDependencies(store, format, config.format(), config.compression(), router,
                new ObjectLayout(config.bucket(), config.topicsDir()), catalog, policy, config.nullValueBehavior(),
                clock, uploads);
    }
}
