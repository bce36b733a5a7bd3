package io.stocklake.sink;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.commit.FailurePolicy;
import io.stocklake.sink.commit.MemoryBudget;
import io.stocklake.sink.commit.PartitionWriters;
import io.stocklake.sink.commit.RotationPolicy;
import io.stocklake.sink.commit.WriterDependencies;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.S3ObjectStore;
import io.stocklake.sink.storage.StorageException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the records of the partitions assigned to this task; offsets commit only once their files are in S3. */
public class S3GlueSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(S3GlueSinkTask.class);

    private ObjectStore store;
    private PartitionCatalog catalog;
    private PartitionWriters writers;
    private ExecutorService uploads;
    private boolean toleratesErrors;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        SinkConfig config = new SinkConfig(props);
        toleratesErrors = config.errors().toleratesBadRecords();
        FileFormat format = WriterDependencies.format(config);
        Clock clock = Clock.systemUTC();
        AwsClients clients = new AwsClients();
        S3ObjectStore s3 = clients.objectStore(config);
        store = s3;
        checkBucket(s3, config.layout().topicsDir() + "/");
        catalog = clients.catalog(config, pluginMetrics());
        uploads = uploadThread(props.getOrDefault("name", "s3-glue-sink"));
        WriterDependencies deps = WriterDependencies.from(config, format, store, catalog, clock, uploads);
        long bufferMaxBytes = config.rotation().bufferMaxBytes();
        writers = new PartitionWriters(
                deps,
                context,
                this::badRecord,
                new MemoryBudget(bufferMaxBytes),
                config.errors().taskRetryBackoffMs());
        RotationPolicy rotation = deps.policy();
        log.info(
                "Started: {} files ({}) under s3://{}/{}/, a file per {} records or {} bytes, batches spanning {} ms"
                        + " of record time, every {} ms by the clock (-1: off); buffer.max.bytes={}; bad records {}",
                deps.formatName().configName(),
                deps.compression().configName(),
                deps.layout().bucket(),
                deps.layout().topicsDir(),
                rotation.flushSize(),
                rotation.rotateSizeBytes(),
                rotation.spanMs(),
                rotation.scheduleMs(),
                bufferMaxBytes,
                toleratesErrors ? "to the dead letter queue" : "fail the task");
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        log.info("Assigned {}", partitions);
        writers.open(partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        writers.put(records);
    }

    /** Uploads are driven by rotation, not by Connect's flush; only completed files count. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {}

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return writers.committableOffsets();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        log.info(
                "Closing {}: files not yet landed are dropped; the next owner writes them again from the committed"
                        + " offsets",
                partitions);
        writers.close(partitions);
    }

    @Override
    public void stop() {
        if (writers != null) {
            // Does not wait for an upload under way: closing the store below makes it fail, and what it left
            // unfinished is aborted or replayed by the partition's next owner.
            writers.closeAll();
        }
        if (uploads != null) {
            uploads.shutdownNow();
        }
        if (catalog != null) {
            catalog.close();
        }
        if (store != null) {
            store.close();
        }
        log.info("Stopped");
    }

    /**
     * Fails the task at once, with the cause and the setting to change, when the bucket cannot be reached for a
     * reason no retry mends (confirmed by a second look after a pause, so a blip is not fatal). A passing failure
     * is left to the writes, which retry it.
     */
    private static void checkBucket(S3ObjectStore s3, String prefix) {
        for (int look = 1; ; look++) {
            try {
                s3.checkPrefix(prefix);
                return;
            } catch (StorageException e) {
                if (e.permanentCause() == null) {
                    log.warn("{}; the writes will retry", e.getMessage());
                    return;
                }
                if (look > 1) {
                    throw new ConnectException(e.permanentCause() + " [" + e.getMessage() + "]", e);
                }
                log.warn(
                        "{}: {}; looking again in {} s to confirm",
                        e.getMessage(),
                        e.permanentCause(),
                        FailurePolicy.CONFIRMATION.toSeconds());
                try {
                    Thread.sleep(FailurePolicy.CONFIRMATION.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ConnectException(e.permanentCause() + " [" + e.getMessage() + "]", e);
                }
            }
        }
    }

    /**
     * One thread per task finishes and uploads rotated files while the task thread encodes the next batch. It
     * runs in the plugin's class loader, as the task thread does.
     */
    private static ExecutorService uploadThread(String connector) {
        ClassLoader plugin = S3GlueSinkTask.class.getClassLoader();
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, connector + "-uploads");
            thread.setDaemon(true);
            thread.setContextClassLoader(plugin);
            return thread;
        });
    }

    /** The worker's metrics for this task (KIP-877), or null on workers before Kafka 4.1. */
    private PluginMetrics pluginMetrics() {
        try {
            return context.pluginMetrics();
        } catch (NoSuchMethodError | AbstractMethodError e) {
            return null;
        }
    }

    /**
     * A record that cannot be written goes to the errant record reporter only when errors are tolerated: with
     * {@code errors.tolerance=none} the worker would fail the task with its own message, which names neither the
     * record nor (with {@code errors.log.enable=true}) anything beyond the cause, so the task fails itself.
     */
    private void badRecord(SinkRecord record, DataException problem) {
        ErrantRecordReporter reporter = toleratesErrors ? context.errantRecordReporter() : null;
        if (reporter == null) {
            throw new ConnectException(
                    "Cannot write record " + record.topic() + "-" + record.kafkaPartition()
                            + "@" + record.kafkaOffset() + ": " + problem.getMessage()
                            + " (set errors.tolerance=all and errors.deadletterqueue.topic.name to skip such records)",
                    problem);
        }
        reporter.report(record, problem);
    }
}
