package io.stocklake.sink.commit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.PartitionPath;
import io.stocklake.sink.route.Route;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Kafka partition's records into one open file per output partition and knows which offset is
 * safe to commit.
 *
 * <p>All open files of the Kafka partition rotate together, so after a rotation nothing is open and every
 * record before the next offset is in a completed object: that offset becomes committable. Files are named
 * after their first offset, so a replay that cuts at the same offsets rewrites the same keys with the same
 * bytes. Triggers that depend on the records alone cut identically on replay by themselves; the others
 * (wall-clock schedule, memory pressure) are first recorded in the partition's {@link BoundaryLog}, which every
 * later writer of this partition reads and obeys, and which fences out a writer that lost the partition.
 *
 * <p>The partition is the record's original one ({@link SinkRecord#originalTopic()}, KIP-793): offsets belong
 * to what Connect assigned, while a topic-renaming SMT still chooses the table.
 *
 * <p>A rotated batch is finished and uploaded in the background ({@link PendingBatch}) while the next one is
 * written; it lands on this thread, in order: partitions registered, then its end offset made committable.
 */
final class TopicPartitionWriter {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitionWriter.class);
    /** Batches uploading at once per Kafka partition; more waits, so memory stays near one batch ahead. */
    private static final int MAX_PENDING = 2;

    private final TopicPartition tp;
    private final WriterDependencies deps;
    private final BoundaryLog boundaries;
    private final MemoryBudget budget;

    private final Map<PartitionPath, OpenFile> open = new LinkedHashMap<>();
    private final Map<OpenFile, Long> accounted = new LinkedHashMap<>();
    /** Every recorded boundary after the safe offset: an abort's replay must cut at each of them again. */
    private final TreeSet<Long> recorded = new TreeSet<>();
    /** The recorded boundaries this run has still to reach. */
    private final TreeSet<Long> cuts = new TreeSet<>();
    private final Deque<PendingBatch> pending = new ArrayDeque<>();
    private long held;
    private long batchStart = -1;
    private Instant earliest;
    private Instant latest;
    private long deadline = Long.MAX_VALUE;
    private long nextOffset = -1;
    private long safeOffset = -1;
    private boolean claimed;
    /**
     * The end of the last batch whose files may be in S3 (this writer's or an earlier one's): a cut no rule would
     * make must not fall before it, or the replay's files would overlap those already there.
     */
    private long uploadedThrough = -1;
    private boolean skipping;
    /** The last offset handed to the dead letter queue: a replay after an abort reports each record once. */
    private long reportedThrough = -1;
    /** True while a batch registers its partitions, when the catalog may ask what is committable. */
    private boolean landing;

    TopicPartitionWriter(TopicPartition tp, WriterDependencies deps, MemoryBudget budget) {
        this.tp = tp;
        this.deps = deps;
        String table = deps.router().tableFor(tp.topic());
        this.boundaries = new BoundaryLog(deps.store(), deps.layout().boundaryLogKey(table, tp),
                deps.layout().markerPrefix(table, tp), tp);
        this.budget = budget;
    }

    /**
     * Writes one record, or hands it to {@code bad} if it cannot be written. Records before the next expected
     * offset (a redelivered batch) are skipped. Throws StorageException or CatalogException when S3 or the
     * catalog fail; the caller then {@linkplain #abortBatch() aborts the batch}.
     */
    void write(SinkRecord record, BadRecordHandler bad) {
        long offset = record.originalKafkaOffset();
        if (skipping) {
            return;
        }
        if (!claimed) {
            claim(offset);
        }
        if (offset < nextOffset) {
            return;
        }
        landUploaded();
        cutAt(offset);
        writeOrReject(record, bad);
        // Cut as soon as a recorded batch is complete, not only when a later record arrives.
        cutAt(nextOffset);
    }

    private void writeOrReject(SinkRecord record, BadRecordHandler bad) {
        long offset = record.originalKafkaOffset();
        if (record.value() == null && deps.nullValues() == NullValueBehavior.IGNORE) {
            processed(offset);
            return;
        }
        Route route;
        try {
            if (record.value() == null) {
                throw new DataException("record value is null (behavior.on.null.values=fail)");
            }
            route = deps.router().route(record);
        } catch (DataException e) {
            rejected(record, bad, e);
            return;
        }
        OpenFile file = open.get(route.destination().partition());
        boolean schemaChanged = file != null && !Objects.equals(file.schema(), record.valueSchema());
        if (!open.isEmpty() && (schemaChanged || deps.policy().spanExceeded(
                min(earliest, route.time()), max(latest, route.time())))) {
            rotate(false);
            file = null;
        }
        if (file == null) {
            try {
                // Before the first record of a schema lands: the table must be able to hold it.
                deps.catalog().ensureTable(definition(route.destination().table(), record.valueSchema()));
                // The format refuses a schema it cannot hold (a nested field in CSV, a bad decimal precision).
                file = openFile(route.destination(), record);
            } catch (DataException e) {
                rejected(record, bad, e);
                return;
            }
        }
        try {
            file.write(record);
        } catch (DataException e) {
            account(file);
            if (file.records() == 0) {
                dropEmpty(file);
            }
            rejected(record, bad, e);
            return;
        }
        account(file);
        if (batchStart < 0) {
            batchStart = offset;
            earliest = route.time();
            latest = route.time();
            deadline = deps.policy().scheduleDeadline(deps.clock().millis());
        } else {
            earliest = min(earliest, route.time());
            latest = max(latest, route.time());
        }
        nextOffset = offset + 1;
        if (deps.policy().fileFull(file.records(), file.size())) {
            rotate(false);
        }
    }

    private void cutAt(long offset) {
        while (!cuts.isEmpty() && cuts.first() <= offset) {
            cuts.pollFirst();
            rotate(false);
        }
    }

    /** Wall-clock rotation; also runs when no records arrive. */
    void rotateIfDue(long nowMillis) {
        landUploaded();
        if (!open.isEmpty() && nowMillis >= deadline && mayRotateEarly()) {
            rotate(true);
        }
    }

    /** Rotation to free memory, at an offset no rule would pick: leaves a marker. */
    void rotateForMemory() {
        rotate(true);
    }

    /**
     * False while replaying up to a recorded boundary or over batches that may be in S3 already: an extra cut there
     * would change the files.
     */
    boolean mayRotateEarly() {
        return cuts.isEmpty() && !skipping && nextOffset >= uploadedThrough;
    }

    /**
     * Gives up the open files after a failure and returns the offset Connect must redeliver from. The records
     * of the failed {@code put} are ignored when Connect hands the same batch in again; {@link
     * #redeliveryPassed()} ends that.
     */
    long abortBatch() {
        abortPending();
        abortFiles();
        nextOffset = safeOffset;
        skipping = true;
        // The boundary log holds what may be in S3 (writes planned but not made left no files): the replay claims it
        // again and cuts where it says, which also fences the aborted batches' writes still under way.
        claimed = false;
        cuts.clear();
        cuts.addAll(recorded.tailSet(safeOffset, false));
        return safeOffset;
    }

    void redeliveryPassed() {
        skipping = false;
    }

    /** Aborts open files without making anything committable (partition revoked or task stopping). */
    void close() {
        abortPending();
        abortFiles();
    }

    /**
     * Lands the batches whose uploads are done, in order. Throws StorageException for a failed upload and
     * CatalogException for a failed registration; the batch then stays pending and the caller aborts.
     */
    void landUploaded() {
        while (!pending.isEmpty() && pending.peekFirst().uploaded()) {
            land(pending.peekFirst());
        }
    }

    /** Like {@link #landUploaded()}, but leaves failures for the next {@code put} to find: never throws. */
    void landUploadedQuietly() {
        if (landing) {
            return;
        }
        try {
            landUploaded();
        } catch (RuntimeException e) {
            log.debug("{}: a finished batch could not land yet: {}", tp, e.getMessage());
        }
    }

    /** Waits for every pending batch and lands it; throws as {@link #landUploaded()} does. */
    void awaitPending() {
        while (!pending.isEmpty()) {
            land(pending.peekFirst());
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The offset to commit, or -1 before the first record. */
    long safeOffset() {
        return safeOffset;
    }

    /** Bytes held by the files still open, which a rotation hands to the uploads. */
    long heldBytes() {
        return held;
    }

    TopicPartition topicPartition() {
        return tp;
    }

    private void claim(long firstOffset) {
        if (safeOffset < 0) {
            // Where Connect rewinds to should the claim fail.
            safeOffset = firstOffset;
            nextOffset = firstOffset;
        }
        BoundaryLog.Claimed found = boundaries.claim(firstOffset);
        safeOffset = found.landed();
        nextOffset = found.landed();
        uploadedThrough = Math.max(uploadedThrough, found.uploadedThrough());
        recorded.clear();
        recorded.addAll(found.cuts());
        cuts.clear();
        cuts.addAll(found.cuts());
        claimed = true;
        if (!cuts.isEmpty()) {
            log.info("{}: replaying from offset {} with {} recorded rotation boundaries up to {}", tp,
                    safeOffset, cuts.size(), cuts.last());
        }
    }

    private OpenFile openFile(Destination destination, SinkRecord record) {
        String key = deps.layout().dataKey(destination, tp, record.originalKafkaOffset(),
                deps.format().extension());
        OpenFile file = new OpenFile(destination, key, record.valueSchema(), deps.store(), deps.format());
        open.put(destination.partition(), file);
        accounted.put(file, 0L);
        return file;
    }

    private void rotate(boolean withMarker) {
        if (open.isEmpty()) {
            if (nextOffset >= 0) {
                advanceTo(nextOffset);
            }
            return;
        }
        long end = nextOffset;
        // Durable before any file of the batch can become visible, so every replay cuts here too, and makes no early
        // cut before it. The upload thread writes it, in the order planned, before it completes the batch's files.
        Runnable recordBatch = boundaries.beforeUpload(safeOffset, batchStart, end, withMarker);
        uploadedThrough = Math.max(uploadedThrough, end);
        if (withMarker) {
            recorded.add(batchStart);
            recorded.add(end);
        }
        while (pending.size() >= MAX_PENDING) {
            land(pending.peekFirst());
        }
        log.debug("{}: rotated {} files covering offsets [{}, {})", tp, open.size(), batchStart, end);
        // The budget keeps counting the batch's bytes until it has landed.
        pending.addLast(PendingBatch.start(open.values(), end, held, recordBatch, deps.uploads()));
        held = 0;
        open.clear();
        accounted.clear();
        resetBatch();
        landUploaded();
    }

    private void land(PendingBatch batch) {
        batch.awaitUploads();
        landing = true;
        try {
            register(batch.files());
        } finally {
            landing = false;
        }
        pending.removeFirst();
        budget.add(-batch.heldBytes());
        safeOffset = batch.end();
        recorded.headSet(safeOffset, true).clear();
    }

    /** Makes {@code offset} committable now, or once the pending batches have landed. */
    private void advanceTo(long offset) {
        if (pending.isEmpty()) {
            safeOffset = offset;
        } else {
            pending.peekLast().extendTo(offset);
        }
    }

    private void register(Iterable<OpenFile> files) {
        Set<PartitionRegistration> partitions = new LinkedHashSet<>();
        for (OpenFile file : files) {
            partitions.add(new PartitionRegistration(new TableRef(file.destination().table()),
                    file.destination().partition().values(),
                    deps.layout().uri(deps.layout().partitionLocation(file.destination()))));
        }
        deps.catalog().register(List.copyOf(partitions));
    }

    private TableDefinition definition(String table, Schema valueSchema) {
        return new TableDefinition(new TableRef(table), deps.layout().uri(deps.layout().tableLocation(table)),
                deps.router().partitionKeys(), valueSchema, deps.formatName(), deps.compression());
    }

    private void rejected(SinkRecord record, BadRecordHandler bad, DataException problem) {
        long offset = record.originalKafkaOffset();
        if (offset > reportedThrough) {
            bad.handle(record, problem);
            reportedThrough = offset;
        }
        processed(offset);
    }

    private void processed(long offset) {
        nextOffset = offset + 1;
        if (open.isEmpty()) {
            advanceTo(nextOffset);
        }
    }

    private void account(OpenFile file) {
        long now = file.heldBytes();
        long delta = now - accounted.put(file, now);
        held += delta;
        budget.add(delta);
    }

    private void dropEmpty(OpenFile file) {
        file.abort();
        open.remove(file.destination().partition());
        long released = accounted.remove(file);
        held -= released;
        budget.add(-released);
        if (open.isEmpty()) {
            resetBatch();
        }
    }

    private void abortPending() {
        for (PendingBatch batch : pending) {
            batch.abort();
            budget.add(-batch.heldBytes());
        }
        pending.clear();
    }

    private void abortFiles() {
        open.values().forEach(OpenFile::abort);
        budget.add(-held);
        held = 0;
        open.clear();
        accounted.clear();
        resetBatch();
    }

    private void resetBatch() {
        batchStart = -1;
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
