package io.stocklake.local;

import io.stocklake.stack.ConnectorStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the pipeline every few seconds in the background and keeps the page's view of it, so any number of open
 * pages cost one reading per period and rates are taken between readings a known time apart.
 */
final class PipelineMonitor implements AutoCloseable {

    static final String FRESHNESS_METHOD = "Each reading, the wall clock minus the newest event_time that a query "
            + "through Trino sees in today's partitions (the same path as Athena: S3 objects registered in Glue); "
            + "p50/p99 over the last %d readings, one every %d s.";
    private static final int MAX_ERRORS = 10;

    private final StatusSource status;
    private final NewestEventTime newest;
    private final Clock clock;
    private final Duration period;
    private final String workerLog;
    private final int window;
    private final FreshnessWindow freshness;
    private final Deque<PipelineView.PipelineError> errors = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pipeline-monitor");
        t.setDaemon(true);
        return t;
    });
    private PipelineStatus previous;
    private Instant previousAt;
    private volatile PipelineView view;

    PipelineMonitor(
            StatusSource status, NewestEventTime newest, Clock clock, Duration period, int window, String workerLog) {
        this.status = status;
        this.newest = newest;
        this.clock = clock;
        this.period = period;
        this.workerLog = workerLog;
        this.window = window;
        this.freshness = new FreshnessWindow(window);
    }

    PipelineMonitor start() {
        timer.scheduleWithFixedDelay(this::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest view; null before the first reading. */
    PipelineView view() {
        return view;
    }

    /** One reading: the parts' figures, rates since the previous reading, a freshness sample. */
    synchronized void sample() {
        Instant now = clock.instant();
        PipelineStatus current;
        try {
            current = status.read();
        } catch (Exception e) {
            error(now, "status", "Reading the pipeline failed: " + message(e), "the launcher log");
            return;
        }
        try {
            // Until the sink registered a partition there is no table to query: nothing is queryable yet.
            Instant newestEvent = current.gluePartitions() > 0 ? newest.read() : null;
            if (newestEvent != null) {
                freshness.add(Duration.between(newestEvent, now));
            }
        } catch (Exception e) {
            error(now, "query", "Freshness query failed: " + message(e), "the launcher log");
        }
        for (ConnectorStatus connector : current.connectors()) {
            if (connector.anyFailed()) {
                String trace = Objects.requireNonNullElse(connector.failureTrace(), "");
                error(now, connector.name(), trace.lines().findFirst().orElse("FAILED"), workerLog);
            }
        }
        double seconds =
                previousAt == null ? 0 : Duration.between(previousAt, now).toMillis() / 1000.0;
        view = new PipelineView(
                now.toString(),
                current.connectors(),
                current.topicOffsets(),
                rate(current.topicOffsets(), previous == null ? 0 : previous.topicOffsets(), seconds),
                current.sinkCommitted(),
                rate(current.sinkCommitted(), previous == null ? 0 : previous.sinkCommitted(), seconds),
                current.objects(),
                current.bytes(),
                rate(current.bytes(), previous == null ? 0 : previous.bytes(), seconds),
                current.gluePartitions(),
                current.compaction(),
                current.lag(),
                freshnessView(),
                List.copyOf(errors),
                workerLog);
        previous = current;
        previousAt = now;
    }

    private PipelineView.Freshness freshnessView() {
        return new PipelineView.Freshness(
                seconds(freshness.latest()),
                seconds(freshness.percentile(50)),
                seconds(freshness.percentile(99)),
                freshness.size(),
                FRESHNESS_METHOD.formatted(window, period.toSeconds()));
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    private static double rate(long now, long before, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, now - before) / seconds;
    }

    private void error(Instant at, String source, String message, String where) {
        PipelineView.PipelineError last = errors.peekLast();
        if (last != null && last.source().equals(source) && last.message().equals(message)) {
            return;
        }
        errors.addLast(new PipelineView.PipelineError(at.toString(), source, message, where));
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    private static String message(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The pipeline's figures (StatusProbe in the running stack). */
    interface StatusSource {
        PipelineStatus read() throws Exception;
    }

    /** The newest event time queries see, or null while there is none. */
    interface NewestEventTime {
        Instant read() throws Exception;
    }
}
