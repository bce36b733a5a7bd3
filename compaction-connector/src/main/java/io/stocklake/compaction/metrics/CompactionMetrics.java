package io.stocklake.compaction.metrics;

import io.stocklake.compaction.run.PassReport;
import io.stocklake.compaction.swap.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What a compaction task reports through its plugin metrics (KIP-877), which the worker publishes over JMX tagged
 * with the connector and task: passes, compactions, bytes rewritten, the last error, and per table the objects
 * queries read in the task's partitions before and after its last pass. The figures are kept here whether or not
 * the worker offers plugin metrics (workers before Kafka 4.1 do not).
 */
public final class CompactionMetrics {

    public static final String PASSES = "compaction-passes-total";
    public static final String COMPACTIONS = "compactions-total";
    public static final String BYTES_REWRITTEN = "compaction-bytes-rewritten-total";
    public static final String FAILURES = "compaction-failures-total";
    public static final String LAST_ERROR = "compaction-last-error";
    public static final String LAST_ERROR_TIME = "compaction-last-error-time";
    public static final String OBJECTS_BEFORE = "objects-before-last-pass";
    public static final String OBJECTS_AFTER = "objects-after-last-pass";
    public static final String PARTITIONS = "partitions";
    public static final String MAX_OBJECTS_PER_PARTITION = "objects-per-partition-max";

    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private final AtomicLong bytesRewritten = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicReference<String> lastErrorTime = new AtomicReference<>("");
    private final Map<String, TableObjects> before = new ConcurrentHashMap<>();
    private final Map<String, TableObjects> after = new ConcurrentHashMap<>();

    private CompactionMetrics() {}

    /** Figures for {@code tables}, published in {@code metrics} unless that is null. */
    public static CompactionMetrics of(PluginMetrics metrics, List<String> tables) {
        CompactionMetrics figures = new CompactionMetrics();
        if (metrics != null) {
            figures.publish(metrics, tables);
        }
        return figures;
    }

    private void publish(PluginMetrics metrics, List<String> tables) {
        LinkedHashMap<String, String> task = new LinkedHashMap<>();
        gauge(metrics, PASSES, "Compaction passes the task finished over its partitions", task, passes::get);
        gauge(
                metrics,
                COMPACTIONS,
                "Partitions the task compacted into a new generation that readers now see",
                task,
                compactions::get);
        gauge(
                metrics,
                BYTES_REWRITTEN,
                "Bytes of the compacted files the task wrote (attempts that did not finish included)",
                task,
                bytesRewritten::get);
        gauge(
                metrics,
                FAILURES,
                "Partitions or tables whose compaction failed in a pass (tried again next pass)",
                task,
                failures::get);
        gauge(metrics, LAST_ERROR, "The last failure's message; empty when none", task, lastError::get);
        gauge(
                metrics,
                LAST_ERROR_TIME,
                "When the last failure happened (ISO-8601); empty when none",
                task,
                lastErrorTime::get);
        for (String table : tables) {
            LinkedHashMap<String, String> tags = new LinkedHashMap<>();
            tags.put("table", table);
            gauge(
                    metrics,
                    OBJECTS_BEFORE,
                    "Objects queries read in the task's partitions of the table, before its last pass",
                    tags,
                    () -> before.getOrDefault(table, TableObjects.NONE).objects());
            gauge(
                    metrics,
                    OBJECTS_AFTER,
                    "Objects queries read in the task's partitions of the table, after its last pass",
                    tags,
                    () -> after.getOrDefault(table, TableObjects.NONE).objects());
            gauge(metrics, PARTITIONS, "The table's partitions the task compacts", tags, () ->
                    (long) after.getOrDefault(table, TableObjects.NONE).partitions());
            gauge(
                    metrics,
                    MAX_OBJECTS_PER_PARTITION,
                    "Most objects queries read in one of the task's partitions of the table, after its last pass",
                    tags,
                    () -> after.getOrDefault(table, TableObjects.NONE).maxPerPartition());
        }
    }

    private static <T> void gauge(
            PluginMetrics metrics,
            String name,
            String description,
            LinkedHashMap<String, String> tags,
            java.util.function.Supplier<T> value) {
        metrics.addMetric(metrics.metricName(name, description, tags), (Gauge<T>) (config, now) -> value.get());
    }

    /** One finished pass. */
    public void passed(PassReport report, Instant at) {
        passes.incrementAndGet();
        compactions.addAndGet(report.count(Outcome.COMPACTED));
        if (report.failed() > 0) {
            failures.addAndGet(report.failed());
            lastError.set(String.valueOf(report.lastError()));
            lastErrorTime.set(at.toString());
        }
    }

    /** A failure outside a pass's own reporting (counting objects, say). */
    public void failed(String error, Instant at) {
        failures.incrementAndGet();
        lastError.set(error);
        lastErrorTime.set(at.toString());
    }

    /** Bytes of one compacted file written. */
    public void rewritten(long bytes) {
        bytesRewritten.addAndGet(bytes);
    }

    /** The table's objects before and after the last pass. */
    public void objects(String table, TableObjects beforePass, TableObjects afterPass) {
        before.put(table, beforePass);
        after.put(table, afterPass);
    }

    public long passes() {
        return passes.get();
    }

    public long compactions() {
        return compactions.get();
    }

    public long bytesRewritten() {
        return bytesRewritten.get();
    }

    public long failures() {
        return failures.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public TableObjects objectsBefore(String table) {
        return before.getOrDefault(table, TableObjects.NONE);
    }

    public TableObjects objectsAfter(String table) {
        return after.getOrDefault(table, TableObjects.NONE);
    }
}
