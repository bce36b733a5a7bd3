package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.LakeAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The worker-kill drill on a three-worker cluster: source and sink with three tasks each, twenty
 * SIGKILLs of random workers at random moments 0.5-3 s apart (each worker restarted at once), then the audit: the
 * source lost no tick, every offset is in exactly one line in S3, the catalog holds every partition, and Trino
 * counts every record. Like an operator, the drill restarts exactly-once source tasks that Connect failed because
 * their zombie fencing could not reach a killed leader ({@link TickLake#restartTasksFailedByFencing}).
 */
final class WorkerKillDrill {

    static final int WORKERS = 3;
    static final int KILLS = 20;
    static final long TICKS = 9_000;
    private static final String SYMBOLS = "AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,JPM,V,MA,XOM,KO";

    private WorkerKillDrill() {}

    /** Runs the drill; {@code sourceExtras} are added to the source config. Returns the records of the topic. */
    static List<ConsumerRecord<String, String>> run(
            PipelineStack stack, AthenaView athena, TickLake lake, Map<String, String> sourceExtras, long seed) {
        lake.create(6);
        Map<String, String> source = lake.sourceConfig(3, SYMBOLS, TICKS, 180);
        source.putAll(sourceExtras);
        lake.start(lake.sinkConfig(3), source);
        lake.awaitRunning(3, 3, Duration.ofSeconds(90));

        WorkerKiller killer = new WorkerKiller(stack.connect(), seed);
        killer.killAndRestart(KILLS, Duration.ofMillis(500), Duration.ofMillis(3_000));
        List<Integer> restarts = new ArrayList<>();
        lake.awaitTicks(TICKS, Duration.ofSeconds(240), () -> restarts.addAll(lake.restartTasksFailedByFencing()));
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(Duration.ofSeconds(180));

        // Every task runs again once the last rebalance settles; a FAILED one fails here with its trace.
        for (int second = 0; second < 60 && !lake.tasksFailedByFencing().isEmpty(); second++) {
            restarts.addAll(lake.restartTasksFailedByFencing());
            TickLake.pause(Duration.ofSeconds(1));
        }
        lake.awaitRunning(3, 3, Duration.ofSeconds(120));
        String kills = "kills: " + killer.kills() + "; source tasks restarted after failed fencing: " + restarts;
        assertThat(records.stream().map(TickLake::identity).distinct().count())
                .as("distinct ticks in Kafka")
                .isEqualTo(TICKS);
        LakeAudit audit = lake.audit(records);
        assertThat(audit.problems()).as(kills).isEmpty();
        assertThat(athena.partitionFolders(lake.database(), lake.table()))
                .as("partitions in Glue")
                .isEqualTo(TickLake.folders(records));
        assertThat(athena.count(lake.database(), lake.table()))
                .as("Trino count(*)")
                .isEqualTo(records.size());
        return records;
    }
}
