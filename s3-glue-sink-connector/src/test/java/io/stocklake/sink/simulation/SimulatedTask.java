package io.stocklake.sink.simulation;

import io.stocklake.sink.commit.PartitionWriters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One sink task as Connect's WorkerSinkTask drives it: a consumer position per partition, the batch handed to
 * {@code put} (handed in again after a RetriableException, once the task's rewinds took effect), and offset
 * commits that keep only what was consumed. Its calls run on its own {@link TaskThread}; its uploads wait in a
 * {@link ManualExecutor}.
 */
final class SimulatedTask {

    final String name;
    final int generation;
    final ManualExecutor uploads;
    final FaultyObjectStore store;
    private final SimulatedTaskContext context;
    private final PartitionWriters writers;
    private final TaskThread thread;
    private final Trace trace;
    /** In partition order: the same order on every run of a seed. */
    private final List<TopicPartition> assigned;

    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    /** A zombie tries one more commit (refused) before it finds its partitions lost. */
    boolean triedLateCommit;

    private List<SinkRecord> batch = List.of();
    private boolean pausedForRedelivery;
    private Runnable onDone;
    private String failure;

    SimulatedTask(
            String name,
            int generation,
            ManualExecutor uploads,
            FaultyObjectStore store,
            SimulatedTaskContext context,
            PartitionWriters writers,
            Trace trace,
            Map<TopicPartition, Long> committed) {
        this.name = name;
        this.generation = generation;
        this.uploads = uploads;
        this.store = store;
        this.context = context;
        this.writers = writers;
        this.trace = trace;
        this.thread = new TaskThread("simulated-" + name);
        this.assigned = committed.keySet().stream()
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
        positions.putAll(committed);
        currentOffsets.putAll(committed);
        lastCommitted.putAll(committed);
        context.assign(Set.copyOf(assigned));
        call(
                () -> {
                    writers.open(assigned);
                    return null;
                },
                () -> {});
        if (busy()) {
            throw new IllegalStateException("open must not block");
        }
    }

    /** A call has not returned yet: the task thread waits for an upload or a stalled store call. */
    boolean busy() {
        return onDone != null;
    }

    /** A call ended with an exception Connect would fail the task with: what it said, or null. */
    String failure() {
        return failure;
    }

    /** One iteration of the worker's loop: rewinds, then the next records (or the same batch again) to put. */
    void poll(Random random, RecordLog log, int maxRecords) {
        context.takeRewinds().forEach((tp, offset) -> {
            trace.add(name + " rewinds " + tp + " to " + offset);
            positions.put(tp, offset);
            lastCommitted.put(tp, offset);
            currentOffsets.put(tp, offset);
        });
        if (!pausedForRedelivery) {
            List<SinkRecord> fetched = new ArrayList<>();
            List<TopicPartition> order = new ArrayList<>(assigned);
            java.util.Collections.shuffle(order, random);
            for (TopicPartition tp : order) {
                int take = maxRecords == 0 ? 0 : random.nextInt(maxRecords + 1);
                long position = positions.get(tp);
                for (long offset = position; offset < Math.min(position + take, log.end(tp)); offset++) {
                    fetched.add(log.record(tp, offset));
                }
                positions.put(tp, Math.min(position + take, log.end(tp)));
            }
            batch = fetched;
        }
        List<SinkRecord> handed = new ArrayList<>(batch);
        trace.add(name + " put " + describe(handed) + (pausedForRedelivery ? " (redelivered)" : ""));
        call(
                () -> {
                    writers.put(handed);
                    return null;
                },
                this::putReturned);
    }

    /** The task's offsets as Connect would commit them now: consumed ones only, and only if changed. */
    Map<TopicPartition, Long> preCommit() {
        Map<TopicPartition, Long> provided = new HashMap<>();
        call(
                () -> {
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> e :
                            writers.committableOffsets().entrySet()) {
                        provided.put(e.getKey(), e.getValue().offset());
                    }
                    return null;
                },
                () -> {});
        if (busy()) {
            throw new IllegalStateException(name + ": preCommit blocked");
        }
        Map<TopicPartition, Long> commitable = new HashMap<>(lastCommitted);
        provided.forEach((tp, offset) -> {
            if (commitable.containsKey(tp) && offset <= currentOffsets.get(tp)) {
                commitable.put(tp, offset);
            }
        });
        return commitable.equals(lastCommitted) ? Map.of() : commitable;
    }

    /** Every record of the log has been handed to put, and put took them. */
    boolean caughtUp(RecordLog log) {
        return !pausedForRedelivery && assigned.stream().allMatch(tp -> positions.get(tp) == log.end(tp));
    }

    void committed(Map<TopicPartition, Long> offsets) {
        lastCommitted.putAll(offsets);
    }

    /** The partitions are revoked or lost: the task closes its writers. */
    void close() {
        trace.add(name + " closes its partitions");
        call(
                () -> {
                    writers.close(assigned);
                    return null;
                },
                () -> {});
    }

    /**
     * Lets a blocked call go on: the upload thread runs its next upload, or one stalled store call of this task
     * returns. False when there is nothing it could wait for (a deadlock).
     */
    boolean resume(Random random, SimulatedBucket bucket) {
        List<SimulatedBucket.Hang> hangs = bucket.hangsOf(name);
        boolean upload = uploads.hasQueued() && (hangs.isEmpty() || random.nextBoolean());
        if (upload) {
            trace.add(name + " upload thread runs");
            uploads.runNext();
        } else if (!hangs.isEmpty()) {
            SimulatedBucket.Hang hang = hangs.get(random.nextInt(hangs.size()));
            SimulatedBucket.Hang.Outcome outcome =
                    SimulatedBucket.Hang.Outcome.values()[random.nextInt(SimulatedBucket.Hang.Outcome.values().length)];
            trace.add(name + ": stalled " + hang.call + " returns: " + outcome);
            bucket.released(hang);
            hang.release.complete(outcome);
        } else {
            return false;
        }
        if (thread.settle() == TaskThread.State.DONE) {
            finished();
        }
        return true;
    }

    /** The upload thread runs its next upload; it may be the one a blocked call waits for. */
    void runUpload() {
        uploads.runNext();
        if (busy() && thread.settle() == TaskThread.State.DONE) {
            finished();
        }
    }

    /** The worker dies: its connection is cut, so whatever it still waits for fails, and its thread ends. */
    void kill(SimulatedBucket bucket) {
        store.sever();
        while (busy()) {
            // One step at a time, as in resume(): the task thread runs only while this one waits for it.
            List<SimulatedBucket.Hang> hangs = bucket.hangsOf(name);
            if (!hangs.isEmpty()) {
                bucket.released(hangs.get(0));
                hangs.get(0).release.complete(SimulatedBucket.Hang.Outcome.FAIL);
            } else if (uploads.hasQueued()) {
                uploads.runNext();
            } else {
                break;
            }
            if (thread.settle() == TaskThread.State.DONE) {
                onDone = null;
            }
        }
        while (uploads.hasQueued()) {
            uploads.runNext();
        }
        onDone = null;
        thread.stop();
    }

    void stopThread() {
        thread.stop();
    }

    private void call(java.util.concurrent.Callable<?> body, Runnable whenDone) {
        onDone = whenDone;
        if (thread.start(body) == TaskThread.State.DONE) {
            finished();
        } else {
            trace.add(name + " blocks");
        }
    }

    private void finished() {
        Runnable done = onDone;
        onDone = null;
        if (done != null) {
            done.run();
        }
    }

    private void putReturned() {
        Throwable thrown = thread.failure();
        if (thrown == null) {
            for (SinkRecord record : batch) {
                currentOffsets.put(
                        new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset() + 1);
            }
            batch = List.of();
            pausedForRedelivery = false;
        } else if (thrown instanceof RetriableException) {
            trace.add(name + " put failed, retriable: " + thrown.getMessage());
            pausedForRedelivery = true;
        } else {
            trace.add(name + " put failed: " + thrown);
            failure = name + " failed: " + thrown;
        }
    }

    private static String describe(List<SinkRecord> records) {
        if (records.isEmpty()) {
            return "[]";
        }
        Map<Integer, long[]> ranges = new java.util.TreeMap<>();
        for (SinkRecord r : records) {
            ranges.merge(r.kafkaPartition(), new long[] {r.kafkaOffset(), r.kafkaOffset()}, (a, b) ->
                    new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        StringBuilder text = new StringBuilder();
        ranges.forEach((p, r) -> text.append(" p")
                .append(p)
                .append("@")
                .append(r[0])
                .append("..")
                .append(r[1]));
        return text.toString().trim();
    }
}
