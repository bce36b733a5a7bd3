package io.stocklake.it.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.SinkGroupOffsets;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.LakeAudit;
import io.stocklake.testing.StackConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One pipeline under test: the tick source writing a topic, the sink writing it as JSON lines into a Glue table of
 * the stack, and the checks every fault test ends with — the offset-exact {@link LakeAudit} and Trino's count.
 *
 * @param readCommitted whether the topic is written in transactions (exactly-once source): then the sink and the
 *     audit read it read_committed
 */
record TickLake(
        PipelineStack stack, String topic, String bucket, String database, String table, boolean readCommitted) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "source";
    static final String SINK = "sink";

    static TickLake of(PipelineStack stack, String name) {
        return new TickLake(stack, name, "lake", "market", name.replace('-', '_'), false);
    }

    /** The same pipeline over a topic written in transactions. */
    TickLake transactional() {
        return new TickLake(stack, topic, bucket, database, table, true);
    }

    String source() {
        return topic + "-" + SOURCE;
    }

    String sink() {
        return topic + "-" + SINK;
    }

    /** Creates the bucket and the topic, kept forever (simulated event times lie in the past). */
    void create(int partitions) {
        create(partitions, Map.of());
    }

    /** As {@link #create(int)}, with further topic settings. */
    void create(int partitions, Map<String, String> topicConfig) {
        stack.s3().createBucket(bucket);
        Map<String, String> config = new HashMap<>(topicConfig);
        config.put("retention.ms", "-1");
        try (Admin admin = stack.broker().admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }

    /**
     * A JSON sink into the table with {@code tasks} tasks; files of at most 200 records, a cut every 2 s by the
     * clock (whose boundaries replays must find in markers), consumers noticed gone within seconds of a SIGKILL.
     */
    Map<String, String> sinkConfig(int tasks) {
        Map<String, String> c = StackConfigs.sink(stack, topic, bucket, database, "json");
        c.put("tasks.max", String.valueOf(tasks));
        c.put("table.name", table);
        c.put("flush.size", "200");
        c.put("rotate.schedule.interval.ms", "2000");
        c.put("retry.backoff.ms", "1000");
        c.put("consumer.override.session.timeout.ms", "6000");
        c.put("consumer.override.heartbeat.interval.ms", "1000");
        if (readCommitted) {
            c.put("consumer.override.isolation.level", "read_committed");
        }
        return c;
    }

    /**
     * {@code maxTicks} ticks of {@code symbols} over {@code tasks} tasks, on a simulated 24/7 clock from June 2025
     * whose hour turns every two wall-clock seconds: a new Glue partition every two seconds.
     */
    Map<String, String> sourceConfig(int tasks, String symbols, long maxTicks, double ticksPerWallSecond) {
        double acceleration = 1800;
        Map<String, String> c = StackConfigs.simulatedTicks(
                topic, symbols, maxTicks, "2025-06-02T00:00:00Z", ticksPerWallSecond / acceleration, acceleration);
        c.put("tasks.max", String.valueOf(tasks));
        return c;
    }

    /** Starts the sink and then the source. */
    void start(Map<String, String> sink, Map<String, String> source) {
        rest().putConnector(sink(), sink);
        rest().putConnector(source(), source);
    }

    /** Every record of the topic, with the isolation level the sink reads it with. */
    List<ConsumerRecord<String, String>> records() {
        TopicReader reader =
                readCommitted ? TopicReader.readCommitted(stack.broker()) : TopicReader.readUncommitted(stack.broker());
        return reader.readAll(topic, Duration.ofSeconds(60));
    }

    /** Waits until the topic holds {@code ticks} distinct ticks: the source is done. */
    void awaitTicks(long ticks, Duration timeout) {
        awaitTicks(ticks, timeout, () -> {});
    }

    /** As {@link #awaitTicks(long, Duration)}, running {@code eachSecond} between looks at the topic. */
    void awaitTicks(long ticks, Duration timeout, Runnable eachSecond) {
        Instant deadline = Instant.now().plus(timeout);
        long distinct = 0;
        while (Instant.now().isBefore(deadline)) {
            distinct = records().stream().map(TickLake::identity).distinct().count();
            if (distinct >= ticks) {
                return;
            }
            eachSecond.run();
            pause(Duration.ofSeconds(1));
        }
        // Tells a stalled source apart from a transaction left open: then the stable offsets lag the high watermarks.
        throw new AssertionError("Topic " + topic + " holds " + distinct + " of " + ticks + " ticks after " + timeout
                + "; stable offsets "
                + TopicReader.readCommitted(stack.broker()).endOffsets(topic)
                + ", high watermarks "
                + TopicReader.readUncommitted(stack.broker()).endOffsets(topic)
                + "; source status " + rest().status(source()));
    }

    /** Waits until the sink committed every record there is now, and returns those records. */
    List<ConsumerRecord<String, String>> awaitAllCommitted(Duration timeout) {
        List<ConsumerRecord<String, String>> records = records();
        Map<Integer, Long> wanted = new HashMap<>();
        records.forEach(r -> wanted.merge(r.partition(), r.offset() + 1, Math::max));
        Instant deadline = Instant.now().plus(timeout);
        Map<Integer, Long> committed = Map.of();
        try (Admin admin = stack.broker().admin()) {
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            while (Instant.now().isBefore(deadline)) {
                committed = offsets.committed(sink(), topic);
                Map<Integer, Long> seen = committed;
                if (wanted.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    return records;
                }
                pause(Duration.ofMillis(500));
            }
        }
        throw new AssertionError("Sink " + sink() + " committed " + committed + ", not " + wanted + " within " + timeout
                + "; status " + rest().status(sink()));
    }

    /** Every record against the objects of the table, ticks told apart by (symbol, seq). */
    LakeAudit audit(List<ConsumerRecord<String, String>> records) {
        return LakeAudit.of(
                records,
                new S3Lake(stack.s3().client(), bucket),
                "topics/" + table + "/",
                LakeAudit::hourlyFolder,
                "symbol",
                "seq");
    }

    /** The folders the records belong in: the partitions the catalog must hold. */
    static Set<String> folders(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(LakeAudit::hourlyFolder).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits until both connectors and all their tasks run; a FAILED task fails the test with its trace. */
    void awaitRunning(int sourceTasks, int sinkTasks, Duration timeout) {
        rest().awaitRunning(sink(), sinkTasks, timeout);
        rest().awaitRunning(source(), sourceTasks, timeout);
    }

    /**
     * Restarts the source tasks Connect failed because their zombie fencing could not reach the leader, as an operator
     * does: with exactly-once support a task starts only after the leader fenced its predecessors' producers, and
     * the worker fails the task, for good, when forwarding that request fails (the leader was just killed). Any other
     * failure is left alone for {@link #awaitRunning} to report. Returns the tasks restarted; a restart refused
     * during a rebalance (409) is left for the next call.
     */
    List<Integer> restartTasksFailedByFencing() {
        List<Integer> restarted = new ArrayList<>();
        for (int task : tasksFailedByFencing()) {
            try {
                rest().restartTask(source(), task);
                restarted.add(task);
            } catch (ConnectRestException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
        return restarted;
    }

    /**
     * The source tasks FAILED because their zombie fencing could not reach the leader; none while the answering
     * worker, just restarted, does not know the connector's status yet (404).
     */
    List<Integer> tasksFailedByFencing() {
        ConnectorStatus status;
        try {
            status = rest().status(source());
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
        return status.tasks().stream()
                .filter(t -> "FAILED".equals(t.state())
                        && t.trace() != null
                        && t.trace().contains("fenceZombieSourceTasks"))
                .map(ConnectorStatus.TaskStatus::id)
                .toList();
    }

    ConnectRest rest() {
        return stack.connect().rest();
    }

    /** A tick's identity in the topic: {@code symbol#seq} of the JsonConverter payload. */
    static String identity(ConsumerRecord<String, String> record) {
        try {
            JsonNode payload = JSON.readTree(record.value()).path("payload");
            return payload.path("symbol").asText() + "#" + payload.path("seq").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a tick at " + record.partition() + "@" + record.offset(), e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
