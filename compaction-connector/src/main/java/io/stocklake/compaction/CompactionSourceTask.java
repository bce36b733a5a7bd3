package io.stocklake.compaction;

import io.stocklake.compaction.config.AwsClients;
import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.metrics.CompactionMetrics;
import io.stocklake.compaction.metrics.MeteredObjectStore;
import io.stocklake.compaction.metrics.MeteredPass;
import io.stocklake.compaction.metrics.ObjectCounter;
import io.stocklake.compaction.plan.PartitionShare;
import io.stocklake.compaction.run.Compaction;
import io.stocklake.compaction.run.PassReport;
import io.stocklake.sink.config.ServerSideEncryption;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.S3ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;

/** Runs a compaction pass over the task's share every interval; produces no records. */
public final class CompactionSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CompactionSourceTask.class);
    /** Upload part size of compacted files. */
    private static final int PART_SIZE = 16 * 1024 * 1024;
    /** The longest poll() sleeps, so the task stops promptly. */
    private static final long MAX_SLEEP_MS = 1_000;

    private CompactionConfig config;
    private ObjectStore store;
    private GlueClient glue;
    private MeteredPass pass;
    private long nextPass;

    @Override
    public void start(Map<String, String> props) {
        config = new CompactionConfig(props);
        CompactionMetrics metrics = CompactionMetrics.of(pluginMetrics(), config.tables());
        store = new MeteredObjectStore(
                new S3ObjectStore(
                        AwsClients.s3(config), config.bucket(), PART_SIZE, ServerSideEncryption.NONE, "", List.of()),
                metrics::rewritten);
        glue = AwsClients.glue(config);
        ObjectLayout layout = new ObjectLayout(config.bucket(), config.topicsDir());
        pass = new MeteredPass(
                Compaction.pass(config, store, glue, "task-" + config.taskIndex() + "-" + UUID.randomUUID()),
                new ObjectCounter(
                        glue,
                        config.glueCatalogId(),
                        config.glueDatabase(),
                        store,
                        config.bucket(),
                        new PartitionShare(config.taskIndex(), config.taskCount())),
                layout::tableLocation,
                metrics,
                Clock.systemUTC());
        nextPass = System.currentTimeMillis();
        log.info(
                "Compaction task {} of {} started for tables {}",
                config.taskIndex(),
                config.taskCount(),
                config.tables());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long wait = nextPass - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(Math.min(wait, MAX_SLEEP_MS));
            return null;
        }
        PassReport report = pass.run(config.tables());
        log.info("Compaction pass of task {}: {}", config.taskIndex(), report);
        nextPass = System.currentTimeMillis() + config.interval().toMillis();
        return null;
    }

    /** The worker's metrics for this task (KIP-877), or null on workers before Kafka 4.1. */
    private PluginMetrics pluginMetrics() {
        try {
            return context.pluginMetrics();
        } catch (NoSuchMethodError | AbstractMethodError e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
        if (glue != null) {
            glue.close();
        }
    }

    @Override
    public String version() {
        return Version.get();
    }
}
