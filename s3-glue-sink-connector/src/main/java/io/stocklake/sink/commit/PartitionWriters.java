package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.storage.StorageException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's writers, one per assigned Kafka partition, under one memory bound. Turns S3 and catalog
 * failures into a rewind of the failed partition to its last safe offset plus a {@link RetriableException}, or,
 * for a confirmed permanent cause, a failure of the task ({@link FailurePolicy}).
 */
public final class PartitionWriters {

    private static final Logger log = LoggerFactory.getLogger(PartitionWriters.class);

    private final WriterDependencies deps;
    private final SinkTaskContext context;
    private final BadRecordHandler badRecords;
    private final MemoryBudget budget;
    private final long retryBackoffMs;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new LinkedHashMap<>();
    private final FailurePolicy failures;
    /** The writer of the previous record: a batch mostly holds runs of one partition's records. */
    private TopicPartitionWriter previous;
    /** Puts that failed since the last one that succeeded. */
    private int failedPuts;

    /** @param budget the bytes every open and uploading file of the task may hold together */
    public PartitionWriters(
            WriterDependencies deps,
            SinkTaskContext context,
            BadRecordHandler badRecords,
            MemoryBudget budget,
            long retryBackoffMs) {
        this.deps = deps;
        this.context = context;
        this.badRecords = badRecords;
        this.budget = budget;
        this.retryBackoffMs = retryBackoffMs;
        this.failures = new FailurePolicy(deps.clock());
    }

    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(this::writer);
    }

    /** Writes records; also closes files whose schedule is due when {@code records} is empty. */
    public void put(Collection<SinkRecord> records) {
        TopicPartitionWriter current = null;
        try {
            long now = deps.clock().millis();
            for (TopicPartitionWriter writer : writers.values()) {
                current = writer;
                writer.rotateIfDue(now);
            }
            for (SinkRecord record : records) {
                current = writerOf(record);
                current.write(record, badRecords);
                while (budget.exceeded()) {
                    TopicPartitionWriter uploading = firstWithPending();
                    if (uploading != null) {
                        // Rotated batches hold memory until they land; waiting frees it.
                        current = uploading;
                        uploading.awaitPending();
                        continue;
                    }
                    TopicPartitionWriter largest = largestRotatable();
                    if (largest == null) {
                        log.debug(
                                "Holding {} bytes over buffer.max.bytes={} while replaying marked boundaries",
                                budget.held(),
                                budget.limit());
                        break;
                    }
                    current = largest;
                    largest.rotateForMemory();
                }
            }
            writers.values().forEach(TopicPartitionWriter::redeliveryPassed);
            if (failedPuts > 0) {
                log.info("Writing again after {} failed attempts", failedPuts);
                failedPuts = 0;
            }
        } catch (StorageException | CatalogException e) {
            TopicPartition tp = current.topicPartition();
            long rewindTo = current.abortBatch();
            context.offset(tp, rewindTo);
            context.timeout(retryBackoffMs);
            failedPuts++;
            RuntimeException outcome = failures.onFailure(tp, e, rewindTo);
            if (outcome instanceof RetriableException) {
                log.warn("{}; retrying in {} ms", outcome.getMessage(), retryBackoffMs);
            } else {
                log.error(outcome.getMessage());
            }
            throw outcome;
        }
    }

    /** Offsets whose records are all in completed objects (and announced to the catalog). */
    public Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartitionWriter writer : writers.values()) {
            writer.landUploadedQuietly();
            if (writer.safeOffset() >= 0) {
                offsets.put(writer.topicPartition(), new OffsetAndMetadata(writer.safeOffset()));
            }
        }
        return offsets;
    }

    /** Aborts the open files of these partitions and forgets them; the next owner replays them. */
    public void close(Collection<TopicPartition> partitions) {
        previous = null;
        for (TopicPartition tp : partitions) {
            TopicPartitionWriter writer = writers.remove(tp);
            if (writer != null) {
                writer.close();
            }
        }
    }

    public void closeAll() {
        close(List.copyOf(writers.keySet()));
    }

    /** Keyed by the partition Connect assigned, whatever topic an SMT renamed the record to (KIP-793). */
    private TopicPartitionWriter writerOf(SinkRecord record) {
        TopicPartition tp = previous == null ? null : previous.topicPartition();
        if (tp == null
                || tp.partition() != record.originalKafkaPartition()
                || !tp.topic().equals(record.originalTopic())) {
            previous = writer(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()));
        }
        return previous;
    }

    private TopicPartitionWriter writer(TopicPartition tp) {
        return writers.computeIfAbsent(tp, p -> new TopicPartitionWriter(p, deps, budget));
    }

    private TopicPartitionWriter firstWithPending() {
        for (TopicPartitionWriter writer : writers.values()) {
            if (writer.hasPending()) {
                return writer;
            }
        }
        return null;
    }

    private TopicPartitionWriter largestRotatable() {
        TopicPartitionWriter largest = null;
        for (TopicPartitionWriter writer : writers.values()) {
            if (writer.heldBytes() > 0
                    && writer.mayRotateEarly()
                    && (largest == null || writer.heldBytes() > largest.heldBytes())) {
                largest = writer;
            }
        }
        return largest;
    }
}
