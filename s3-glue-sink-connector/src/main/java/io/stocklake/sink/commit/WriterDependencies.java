package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.DataFormat;
import io.stocklake.sink.config.FormatConfig;
import io.stocklake.sink.config.LayoutConfig;
import io.stocklake.sink.config.MetadataColumn;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.config.RotationConfig;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionTime;
import io.stocklake.sink.route.RecordRouter;
import io.stocklake.sink.storage.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.common.config.ConfigException;

/**
 * What every Kafka partition's writer shares.
 *
 * @param formatName  the format of the files, for the catalog's table definition
 * @param compression their compression, likewise
 * @param uploads     where rotated files are finished and uploaded, in the order given
 * @param metadataColumns the Kafka metadata columns each row carries, none by default
 */
public record WriterDependencies(
        ObjectStore store,
        FileFormat format,
        DataFormat formatName,
        Compression compression,
        RecordRouter router,
        ObjectLayout layout,
        PartitionCatalog catalog,
        RotationPolicy policy,
        NullValueBehavior nullValues,
        Clock clock,
        Executor uploads,
        List<MetadataColumn> metadataColumns) {

    public WriterDependencies {
        metadataColumns = List.copyOf(metadataColumns);
    }

    /**
     * The file format the connector's settings name, or a {@link ConfigException} naming the key. Check it before
     * connecting to anything.
     */
    public static FileFormat format(SinkConfig config) {
        try {
            return FileFormats.create(config.format().format(), config.format().compression());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FormatConfig.FORMAT + ": " + e.getMessage());
        }
    }

    /** The connector's settings around the store, catalog, clock and upload thread the caller provides. */
    public static WriterDependencies from(
            SinkConfig config,
            FileFormat format,
            ObjectStore store,
            PartitionCatalog catalog,
            Clock clock,
            Executor uploads) {
        LayoutConfig layout = config.layout();
        RotationConfig rotation = config.rotation();
        RecordRouter router = new RecordRouter(
                layout.tableNaming(),
                layout.pathTemplate(),
                layout.partitionFields(),
                PartitionTime.from(layout.timeSource(), layout.timeField(), clock),
                layout.timezone());
        RotationPolicy policy = new RotationPolicy(
                rotation.flushSize(),
                rotation.rotateSizeBytes(),
                rotation.rotateIntervalMs(),
                rotation.rotateScheduleIntervalMs(),
                layout.timezone());
        return new WriterDependencies(
                store,
                format,
                config.format().format(),
                config.format().compression(),
                router,
                new ObjectLayout(config.storage().bucket(), layout.topicsDir()),
                catalog,
                policy,
                config.errors().nullValueBehavior(),
                clock,
                uploads,
                config.metadata().columns());
    }
}
