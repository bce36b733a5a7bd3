package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.route.ObjectLayout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka partition's rotated batches, uploading in the background, and the offset below which every record has
 * landed. Batches land on the task thread in the order they were rotated: every file in S3, then their partitions
 * registered in the catalog, then their end offset committable.
 */
final class LandingQueue {

    private static final Logger log = LoggerFactory.getLogger(LandingQueue.class);
    /** Batches uploading at once per Kafka partition; more waits, so memory stays near one batch ahead. */
    private static final int MAX_PENDING = 2;

    private final TopicPartition tp;
    private final PartitionCatalog catalog;
    private final ObjectLayout layout;
    private final MemoryBudget budget;
    private final Deque<PendingBatch> pending = new ArrayDeque<>();
    private long safeOffset = -1;

    LandingQueue(TopicPartition tp, PartitionCatalog catalog, ObjectLayout layout, MemoryBudget budget) {
        this.tp = tp;
        this.catalog = catalog;
        this.layout = layout;
        this.budget = budget;
    }

    /** Lands the oldest batches, waiting for their uploads, while too many are under way to start another. */
    void makeRoom() {
        while (pending.size() >= MAX_PENDING) {
            land(pending.peekFirst());
        }
    }

    /** Queues a batch that has started uploading. */
    void add(PendingBatch batch) {
        pending.addLast(batch);
    }

    /**
     * Lands the batches whose uploads are done, in order. Throws StorageException for a failed upload and
     * CatalogException for a failed registration; the batch then stays queued and the caller aborts.
     */
    void landUploaded() {
        while (!pending.isEmpty() && pending.peekFirst().uploaded()) {
            land(pending.peekFirst());
        }
    }

    /** Waits for every queued batch and lands it; throws as {@link #landUploaded()} does. */
    void landAll() {
        while (!pending.isEmpty()) {
            land(pending.peekFirst());
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Makes {@code offset} committable now, or once the queued batches have landed. */
    void advanceTo(long offset) {
        if (pending.isEmpty()) {
            safeOffset = offset;
        } else {
            pending.peekLast().extendTo(offset);
        }
    }

    /** Starts over at {@code offset}, where a claim of the partition found everything before it landed. */
    void startAt(long offset) {
        safeOffset = offset;
    }

    /** The offset to commit, or -1 before the first record. */
    long safeOffset() {
        return safeOffset;
    }

    /** Discards every queued batch without waiting for its upload, and releases what it held. */
    void abortAll() {
        for (PendingBatch batch : pending) {
            batch.abort();
            budget.add(-batch.heldBytes());
        }
        pending.clear();
    }

    private void land(PendingBatch batch) {
        batch.awaitUploads();
        register(batch.files());
        pending.removeFirst();
        budget.add(-batch.heldBytes());
        safeOffset = batch.end();
        log.debug(
                "{}: landed {} files; offsets before {} are committable",
                tp,
                batch.files().size(),
                safeOffset);
    }

    private void register(Iterable<OpenFile> files) {
        Set<PartitionRegistration> partitions = new LinkedHashSet<>();
        for (OpenFile file : files) {
            partitions.add(new PartitionRegistration(
                    new TableRef(file.destination().table()),
                    file.destination().partition().values(),
                    layout.uri(layout.partitionLocation(file.destination()))));
        }
        catalog.register(List.copyOf(partitions));
    }
}
