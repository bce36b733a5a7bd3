package io.stocklake.sink.commit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Runs the task's {@link PartitionWriters} on a thread of their own, one {@code put} behind the task's thread:
 * while it routes and encodes one batch, Connect fetches and converts the next. Every other call waits for that
 * put first, so the writers run on one thread at a time, and whatever Connect must see (records to deliver again,
 * bad records to report, offsets to commit) is handed over on the task's thread.
 *
 * <p>A put that fails is answered at the next {@code put}: by then Connect has handed in a later batch, so every
 * partition of the failed batch is asked for again from its last safe offset, and the later batch, which Connect
 * delivers once more after the {@link RetriableException}, is ignored. {@code preCommit} never reports a failure
 * (Connect would only log it): it then commits nothing and leaves the failure to the next put.
 */
public final class WriterThread {

    private record BadRecord(SinkRecord record, DataException problem) {
    }

    private record Ask(TopicPartition partition, long fromOffset, long backoffMs) {
    }

    private final PartitionWriters writers;
    private final ExecutorService thread;
    private final Redelivery redelivery;
    private final BadRecordHandler badRecords;
    /** Filled on the writer thread during a put, emptied on the task's thread once the put is done. */
    private final List<BadRecord> bad = new ArrayList<>();
    private final Map<TopicPartition, Ask> asked = new LinkedHashMap<>();
    /** Why the partitions in {@link #asked} must be delivered again. */
    private RetriableException askedBecause;
    /** A failure that ends the task, thrown by the next put. */
    private RuntimeException failure;
    private Future<?> inFlight = CompletableFuture.completedFuture(null);

    /**
     * @param thread     a single thread, which this owns and shuts down
     * @param redelivery and {@code badRecords} are called on the task's thread only
     */
    public WriterThread(WriterDependencies deps, ExecutorService thread, Redelivery redelivery,
                        BadRecordHandler badRecords, long bufferMaxBytes, long retryBackoffMs) {
        this.thread = thread;
        this.redelivery = redelivery;
        this.badRecords = badRecords;
        this.writers = new PartitionWriters(deps,
                (tp, from, backoff) -> asked.put(tp, new Ask(tp, from, backoff)),
                (record, problem) -> bad.add(new BadRecord(record, problem)),
                bufferMaxBytes, retryBackoffMs);
    }

    public void open(Collection<TopicPartition> partitions) {
        awaitPut();
        writers.open(partitions);
    }

    /** Hands the records to the writer thread once the previous put is done; throws that put's failure. */
    public void put(Collection<SinkRecord> records) {
        awaitPut();
        reportBadRecords();
        if (!asked.isEmpty()) {
            asked.values().forEach(ask -> redelivery.request(ask.partition(), ask.fromOffset(), ask.backoffMs()));
            RetriableException cause = askedBecause;
            String partitions = asked.keySet().toString();
            asked.clear();
            askedBecause = null;
            throw new RetriableException("writing failed for " + partitions + "; redelivering from their last safe"
                    + " offsets: " + cause.getMessage(), cause);
        }
        if (failure != null) {
            throw failure;
        }
        List<SinkRecord> batch = List.copyOf(records);
        inFlight = thread.submit(() -> write(batch));
    }

    /** What {@link PartitionWriters#committableOffsets()} gives once the last put is done; nothing after a failure. */
    public Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        awaitPut();
        try {
            reportBadRecords();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null || !asked.isEmpty()) {
            return Map.of();
        }
        return writers.committableOffsets();
    }

    public void close(Collection<TopicPartition> partitions) {
        awaitPut();
        asked.keySet().removeAll(partitions);
        if (asked.isEmpty()) {
            askedBecause = null;
        }
        writers.close(partitions);
    }

    /** Closes every partition and stops the thread; a failure not yet thrown is dropped with the task. */
    public void stop() {
        try {
            awaitPut();
            writers.closeAll();
        } finally {
            thread.shutdownNow();
        }
    }

    private void write(List<SinkRecord> batch) {
        try {
            writers.put(batch);
        } catch (RetriableException e) {
            askedBecause = e;
            writers.redeliverAll(firstOffsets(batch));
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(List<SinkRecord> batch) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        Set<TopicPartition> seen = new HashSet<>();
        TopicPartition previous = null;
        for (SinkRecord record : batch) {
            if (previous == null || previous.partition() != record.kafkaPartition()
                    || !previous.topic().equals(record.topic())) {
                previous = new TopicPartition(record.topic(), record.kafkaPartition());
                if (seen.add(previous)) {
                    first.put(previous, record.kafkaOffset());
                }
            }
        }
        return first;
    }

    private void awaitPut() {
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the writer thread", e);
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException runtime ? runtime
                    : new ConnectException("writer thread failed", e.getCause());
        } finally {
            inFlight = CompletableFuture.completedFuture(null);
        }
    }

    private void reportBadRecords() {
        try {
            for (BadRecord record : bad) {
                badRecords.handle(record.record(), record.problem());
            }
        } finally {
            bad.clear();
        }
    }
}
