package io.stocklake.sink.commit;

import io.stocklake.sink.route.PartitionPath;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch a Kafka partition's writer is filling: one open file per output partition, the bytes they hold
 * against the task's memory budget, and the offsets and record times the batch spans: what the rotation policy
 * decides on.
 */
final class OpenBatch {

    private final MemoryBudget budget;
    private final RotationPolicy policy;
    private final Clock clock;
    private final Map<PartitionPath, OpenFile> files = new LinkedHashMap<>();
    /** Each open file's bytes as last counted in the budget. */
    private final Map<OpenFile, Long> accounted = new LinkedHashMap<>();

    private long held;
    private long start = -1;
    private Instant earliest;
    private Instant latest;
    private long deadline = Long.MAX_VALUE;

    OpenBatch(MemoryBudget budget, RotationPolicy policy, Clock clock) {
        this.budget = budget;
        this.policy = policy;
        this.clock = clock;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    int fileCount() {
        return files.size();
    }

    /** The open file of an output partition, or null. */
    OpenFile file(PartitionPath partition) {
        return files.get(partition);
    }

    void add(OpenFile file) {
        files.put(file.destination().partition(), file);
        accounted.put(file, 0L);
    }

    /** Brings the budget up to date with what {@code file} holds now. */
    void account(OpenFile file) {
        long now = file.heldBytes();
        long delta = now - accounted.put(file, now);
        held += delta;
        budget.add(delta);
    }

    /** Aborts a file that holds no record (its first record was refused) and releases what it held. */
    void drop(OpenFile file) {
        file.abort();
        files.remove(file.destination().partition());
        long released = accounted.remove(file);
        held -= released;
        budget.add(-released);
        if (files.isEmpty()) {
            resetSpan();
        }
    }

    /**
     * Takes in a record written at {@code offset} with partition time {@code time}; the first one opens the batch's
     * span and starts its schedule.
     */
    void recorded(long offset, Instant time) {
        if (start < 0) {
            start = offset;
            earliest = time;
            latest = time;
            deadline = policy.scheduleDeadline(clock.millis());
        } else {
            earliest = min(earliest, time);
            latest = max(latest, time);
        }
    }

    /** True when a record with partition time {@code time} would stretch the batch past the policy's span. */
    boolean spanExceededWith(Instant time) {
        return !files.isEmpty() && policy.spanExceeded(min(earliest, time), max(latest, time));
    }

    /** True when {@code file} holds as many records or bytes as a file may. */
    boolean full(OpenFile file) {
        return policy.fileFull(file.records(), file.size());
    }

    /** True when the batch has files and its schedule boundary has passed. */
    boolean due(long nowMillis) {
        return !files.isEmpty() && nowMillis >= deadline;
    }

    long start() {
        return start;
    }

    /** Bytes the open files hold. */
    long heldBytes() {
        return held;
    }

    /**
     * Hands the files over for upload and starts an empty batch. The budget keeps counting their bytes until their
     * batch has landed.
     */
    List<OpenFile> handOver() {
        List<OpenFile> handed = List.copyOf(files.values());
        clear();
        return handed;
    }

    /** Aborts every open file and releases what they held. */
    void abort() {
        files.values().forEach(OpenFile::abort);
        budget.add(-held);
        clear();
    }

    private void clear() {
        files.clear();
        accounted.clear();
        held = 0;
        resetSpan();
    }

    private void resetSpan() {
        start = -1;
        earliest = null;
        latest = null;
        deadline = Long.MAX_VALUE;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
