package io.stocklake.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/** Runs a task the way a worker would, without Kafka: polls, and commits the offsets of what it returned. */
final class TaskRunner {

    private static final int MAX_EMPTY_POLLS = 3;

    private final ManualTime time = new ManualTime(Instant.parse("2026-03-02T15:00:00Z"));
    private final OffsetStore offsets;
    private int sleeps;

    TaskRunner(OffsetStore offsets) {
        this.offsets = offsets;
    }

    /** Up to {@code limit} records from a task started on {@code props}, stopping early once it idles. */
    List<SourceRecord> run(Map<String, String> props, int limit) throws InterruptedException {
        StockTickSourceTask task = new StockTickSourceTask(time, time::nanos, nanos -> sleeps++);
        task.initialize(offsets);
        task.start(props);
        List<SourceRecord> records = new ArrayList<>();
        int emptyPolls = 0;
        while (records.size() < limit && emptyPolls < MAX_EMPTY_POLLS) {
            List<SourceRecord> batch = task.poll();
            if (batch == null || batch.isEmpty()) {
                emptyPolls++;
                continue;
            }
            emptyPolls = 0;
            List<SourceRecord> taken = batch.subList(0, Math.min(batch.size(), limit - records.size()));
            records.addAll(taken);
            offsets.commit(taken);
        }
        task.stop();
        return records;
    }

    int sleeps() {
        return sleeps;
    }
}
