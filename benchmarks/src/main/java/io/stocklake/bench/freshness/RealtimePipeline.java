package io.stocklake.bench.freshness;

import io.stocklake.bench.freshness.LakeWatcher.SeenRecord;
import io.stocklake.bench.workload.Pause;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One pipeline whose freshness is measured: the stock tick source on the realtime clock (event time = the worker's
 * wall clock) into a topic of its own (one partition), the sink with the shipped settings and the changes given
 * into a table of its own, and a {@link LakeWatcher} on that table. Rows carry {@code kafka_partition} and
 * {@code kafka_offset}, so that a record is found again in whichever object a reader sees it.
 */
public final class RealtimePipeline {

    /** Between two looks of a watcher (plus the time a look takes: it reads each new object). */
    public static final long POLL_MILLIS = 100;

    private final PipelineStack stack;
    private final String topic;
    private final String table;
    private final Map<String, String> sink;
    private final Map<String, String> source;
    private final LakeWatcher watcher;
    private volatile long newestEventTime = Long.MIN_VALUE;

    private RealtimePipeline(
            PipelineStack stack,
            String topic,
            String table,
            Map<String, String> sink,
            Map<String, String> source,
            LakeWatcher watcher) {
        this.stack = stack;
        this.topic = topic;
        this.table = table;
        this.sink = sink;
        this.source = source;
        this.watcher = watcher;
    }

    /**
     * Creates the topic {@code name} (table {@code name} with {@code -} as {@code _}) and the connectors'
     * configurations, starting nothing yet.
     */
    public static RealtimePipeline create(
            PipelineStack stack,
            S3Client s3,
            GlueClient glue,
            String name,
            String bucket,
            double ticksPerSecond,
            Map<String, String> sinkChanges) {
        String table = name.replace('-', '_');
        stack.broker().createTopic(name, 1);
        Map<String, String> sink = ShippedSinkConfig.forTopic(stack, name, bucket);
        sink.put("table.name", table);
        sink.put("glue.table", table);
        sink.put("kafka.metadata.columns", "partition,offset");
        sink.putAll(sinkChanges);
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        source.put("tasks.max", "1");
        source.put("topic", name);
        source.put("clock", "realtime");
        source.put("ticks.per.second", String.valueOf(ticksPerSecond));
        source.put("session.calendar", "24x7");
        source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        source.put("value.converter.schemas.enable", "true");
        LakeWatcher watcher = new LakeWatcher(
                new S3Lake(s3, bucket), "topics/" + table + "/", glue, sink.get("glue.database"), table);
        return new RealtimePipeline(stack, name, table, sink, source, watcher);
    }

    public String table() {
        return table;
    }

    /** The Glue database of the table. */
    public String database() {
        return sink.get("glue.database");
    }

    /**
     * Runs the pipelines side by side: their sinks, then their sources; each watcher looks every
     * {@link #POLL_MILLIS} on a thread of its own, so that one table's reading does not delay the other's looks.
     * Records with event times in {@code [start + warmUpMillis, start + warmUpMillis + measureMillis)} are measured;
     * then the sources stop and the watchers go on until each has seen a record past the window, at most
     * {@code drainMillis}. Returns the window.
     */
    public static Window run(
            List<RealtimePipeline> pipelines, long warmUpMillis, long measureMillis, long drainMillis) {
        AtomicBoolean watching = new AtomicBoolean(true);
        List<Thread> watchers = new ArrayList<>();
        Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        try {
            pipelines.forEach(p -> p.stack.connect().rest().putConnector(p.sinkName(), p.sink));
            long start = System.currentTimeMillis();
            pipelines.forEach(p -> p.stack.connect().rest().putConnector(p.sourceName(), p.source));
            Window window = new Window(start + warmUpMillis, start + warmUpMillis + measureMillis);
            for (RealtimePipeline pipeline : pipelines) {
                watchers.add(Thread.ofPlatform().name("watch-" + pipeline.table).start(() -> {
                    try {
                        while (watching.get()) {
                            pipeline.poll();
                            Pause.millis(POLL_MILLIS);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }));
            }
            // A watcher that failed ends the run at once (its failure is thrown below).
            while (System.currentTimeMillis() < window.to() && failures.isEmpty()) {
                Pause.millis(POLL_MILLIS);
            }
            pipelines.forEach(p -> p.stack.connect().rest().deleteConnector(p.sourceName()));
            long until = System.currentTimeMillis() + drainMillis;
            while (System.currentTimeMillis() < until
                    && failures.isEmpty()
                    && !pipelines.stream().allMatch(p -> p.newestEventTime >= window.to())) {
                Pause.millis(POLL_MILLIS);
            }
            return window;
        } finally {
            watching.set(false);
            for (Thread thread : watchers) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (RealtimePipeline p : pipelines) {
                for (String connector : List.of(p.sourceName(), p.sinkName())) {
                    try {
                        p.stack.connect().rest().deleteConnector(connector);
                    } catch (RuntimeException e) {
                        // Not there (removed above, or never created).
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw failures.peek();
            }
        }
    }

    private void poll() {
        watcher.poll();
        newestEventTime = watcher.newestEventTimeMillis();
    }

    /** Latencies of the records of {@code window}, and those the topic holds there that never became queryable. */
    public Outcome outcome(Window window) {
        List<Long> listed = new ArrayList<>();
        List<Long> queryable = new ArrayList<>();
        int inCompactedGeneration = 0;
        for (SeenRecord record : watcher.records()) {
            if (record.eventTimeMillis() >= window.from() && record.eventTimeMillis() < window.to()) {
                listed.add(record.objectListedAtMillis() - record.eventTimeMillis());
                queryable.add(record.queryableAtMillis() - record.eventTimeMillis());
                inCompactedGeneration += record.inCompactedGeneration() ? 1 : 0;
            }
        }
        long produced;
        try (Admin admin = stack.broker().admin()) {
            produced = WindowCount.of(admin, topic, window.from(), window.to());
        }
        return new Outcome(
                Percentiles.of(listed),
                Percentiles.of(queryable),
                Math.max(0, produced - queryable.size()),
                watcher.locationChanges(),
                inCompactedGeneration);
    }

    /** Removes the topic; the bucket is the caller's. */
    public void deleteTopic() {
        try (Admin admin = stack.broker().admin()) {
            admin.deleteTopics(List.of(topic));
        }
    }

    private String sinkName() {
        return topic + "-sink";
    }

    private String sourceName() {
        return topic + "-source";
    }

    /** The event times measured, {@code [from, to)} in epoch milliseconds. */
    public record Window(long from, long to) {}

    /**
     * One pipeline's figures: event time to its object first listed, and to queryable; records of the window never
     * queryable; the swaps of a partition to a new location the watcher saw; the records of the window first seen in
     * a compacted generation.
     */
    public record Outcome(
            Percentiles listed, Percentiles queryable, long missing, int locationChanges, int inCompactedGeneration) {}
}
