package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.Route;
import io.stocklake.sink.row.RowShaper;
import java.util.List;
import java.util.Objects;
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
 * <p>The writer's life: it claims the partition's boundary log at its first record ({@link ReplayCuts} takes in
 * what the log holds), fills an {@link OpenBatch}, rotates it into a {@link PendingBatch} that uploads in the
 * background while the next one fills, and lands the uploaded batches in order ({@link LandingQueue}). A failure
 * aborts everything not landed and rewinds to the safe offset; the replay claims the log again.
 */
final class TopicPartitionWriter {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitionWriter.class);

    private final TopicPartition tp;
    private final WriterDependencies deps;
    private final BoundaryLog boundaries;
    private final OpenBatch batch;
    private final ReplayCuts cuts = new ReplayCuts();
    private final LandingQueue landing;
    private final GenerationCopies copies;
    private final RejectedRecords rejected = new RejectedRecords();
    private final RowShaper rows;
    private long nextOffset = -1;
    private boolean claimed;
    /** True from an abort until Connect has handed in the failed {@code put}'s records again, which are ignored. */
    private boolean skipping;

    TopicPartitionWriter(TopicPartition tp, WriterDependencies deps, MemoryBudget budget) {
        this.tp = tp;
        this.deps = deps;
        String table = deps.router().tableFor(tp.topic());
        this.boundaries = new BoundaryLog(
                deps.store(),
                deps.layout().boundaryLogKey(table, tp),
                deps.layout().markerPrefix(table, tp),
                tp);
        this.batch = new OpenBatch(budget, deps.policy(), deps.clock());
        this.landing = new LandingQueue(tp, deps.catalog(), deps.layout(), budget);
        this.rows = new RowShaper(deps.metadataColumns(), deps.nullValues() == NullValueBehavior.WRITE, deps.catalog());
        this.copies = new GenerationCopies(deps.store(), deps.layout());
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
        landing.landUploaded();
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
            if (record.value() == null && deps.nullValues() == NullValueBehavior.FAIL) {
                throw new DataException("record value is null (behavior.on.null.values=fail)");
            }
            route = deps.router().route(record);
        } catch (DataException e) {
            reject(record, bad, e);
            return;
        }
        OpenFile file = batch.file(route.destination().partition());
        SinkRecord row;
        try {
            // The row the file holds: metadata columns, a schemaless map by its table's columns, a tombstone's row.
            row = rows.shape(record, route.destination().table(), file == null ? null : file.schema());
        } catch (DataException e) {
            reject(record, bad, e);
            return;
        }
        boolean schemaChanged = file != null && !Objects.equals(file.schema(), row.valueSchema());
        if (schemaChanged || batch.spanExceededWith(route.time())) {
            rotate(false);
            file = null;
        }
        if (file == null) {
            try {
                // Before the first record of a schema lands: the table must be able to hold it.
                deps.catalog().ensureTable(definition(route.destination().table(), row.valueSchema()));
                // The format refuses a schema it cannot hold (a nested field in CSV, a bad decimal precision).
                file = openFile(route.destination(), row);
            } catch (DataException e) {
                reject(record, bad, e);
                return;
            }
        }
        try {
            file.write(row);
        } catch (DataException e) {
            batch.account(file);
            if (file.records() == 0) {
                batch.drop(file);
            }
            reject(record, bad, e);
            return;
        }
        batch.account(file);
        batch.recorded(offset, route.time());
        nextOffset = offset + 1;
        if (batch.full(file)) {
            rotate(false);
        }
    }

    private void cutAt(long offset) {
        while (cuts.dueAt(offset)) {
            rotate(false);
        }
    }

    /** Wall-clock rotation; also runs when no records arrive. */
    void rotateIfDue(long nowMillis) {
        landing.landUploaded();
        if (batch.due(nowMillis) && mayRotateEarly()) {
            rotate(true);
        }
    }

    /** Rotation to free memory, at an offset no rule would pick: recorded in the boundary log. */
    void rotateForMemory() {
        rotate(true);
    }

    /**
     * False while replaying up to a recorded boundary or over batches that may be in S3 already: an extra cut there
     * would change the files.
     */
    boolean mayRotateEarly() {
        return !skipping && cuts.allowEarlyCut(nextOffset);
    }

    /**
     * Gives up the open files after a failure and returns the offset Connect must redeliver from. The records
     * of the failed {@code put} are ignored when Connect hands the same batch in again; {@link
     * #redeliveryPassed()} ends that.
     */
    long abortBatch() {
        landing.abortAll();
        batch.abort();
        long safeOffset = landing.safeOffset();
        nextOffset = safeOffset;
        skipping = true;
        // The boundary log holds what may be in S3 (writes planned but not made left no files): the replay claims it
        // again and cuts where it says, which also fences the aborted batches' writes still under way.
        claimed = false;
        cuts.rewindTo(safeOffset);
        return safeOffset;
    }

    void redeliveryPassed() {
        skipping = false;
    }

    /** Aborts open files without making anything committable (partition revoked or task stopping). */
    void close() {
        landing.abortAll();
        batch.abort();
    }

    /**
     * Lands the batches whose uploads are done, as {@link LandingQueue#landUploaded()}, but leaves failures for the
     * next {@code put} to find: never throws.
     */
    void landUploadedQuietly() {
        try {
            landing.landUploaded();
        } catch (RuntimeException e) {
            log.debug("{}: a finished batch could not land yet: {}", tp, e.getMessage());
        }
    }

    /** Waits for every pending batch and lands it; throws as {@link LandingQueue#landUploaded()} does. */
    void awaitPending() {
        landing.landAll();
    }

    boolean hasPending() {
        return landing.hasPending();
    }

    /** The offset to commit, or -1 before the first record. */
    long safeOffset() {
        return landing.safeOffset();
    }

    /** Bytes held by the files still open, which a rotation hands to the uploads. */
    long heldBytes() {
        return batch.heldBytes();
    }

    TopicPartition topicPartition() {
        return tp;
    }

    private void claim(long firstOffset) {
        if (landing.safeOffset() < 0) {
            // Where Connect rewinds to should the claim fail.
            landing.startAt(firstOffset);
            nextOffset = firstOffset;
        }
        BoundaryLog.Claimed found = boundaries.claim(firstOffset);
        landing.startAt(found.landed());
        nextOffset = found.landed();
        cuts.restore(found);
        claimed = true;
        if (!cuts.ahead().isEmpty()) {
            log.info(
                    "{}: replaying from offset {} with {} recorded rotation boundaries up to {}",
                    tp,
                    found.landed(),
                    cuts.ahead().size(),
                    cuts.ahead().last());
        }
    }

    private OpenFile openFile(Destination destination, SinkRecord record) {
        String key = deps.layout()
                .dataKey(
                        destination,
                        tp,
                        record.originalKafkaOffset(),
                        deps.format().extension());
        OpenFile file = new OpenFile(destination, key, record.valueSchema(), deps.store(), deps.format());
        batch.add(file);
        return file;
    }

    private void rotate(boolean early) {
        if (batch.isEmpty()) {
            if (nextOffset >= 0) {
                landing.advanceTo(nextOffset);
            }
            return;
        }
        long start = batch.start();
        long end = nextOffset;
        // Durable before any file of the batch can become visible, so every replay cuts here too, and makes no early
        // cut before it. The upload thread writes it, in the order planned, before it completes the batch's files.
        Runnable recordBatch = boundaries.beforeUpload(landing.safeOffset(), start, end, early);
        cuts.uploading(start, end, early);
        landing.makeRoom();
        long held = batch.heldBytes();
        log.debug(
                "{}: rotated {} files covering offsets [{}, {}){}",
                tp,
                batch.fileCount(),
                start,
                end,
                early ? " (early cut, recorded)" : "");
        List<OpenFile> files = batch.handOver();
        landing.add(PendingBatch.start(files, end, held, recordBatch, copies::publish, deps.uploads()));
        landing.landUploaded();
        cuts.landedThrough(landing.safeOffset());
    }

    private TableDefinition definition(String table, Schema valueSchema) {
        return new TableDefinition(
                new TableRef(table),
                deps.layout().uri(deps.layout().tableLocation(table)),
                deps.router().partitionKeys(),
                valueSchema,
                deps.formatName(),
                deps.compression());
    }

    private void reject(SinkRecord record, BadRecordHandler bad, DataException problem) {
        rejected.reject(record, bad, problem);
        processed(record.originalKafkaOffset());
    }

    private void processed(long offset) {
        nextOffset = offset + 1;
        if (batch.isEmpty()) {
            landing.advanceTo(nextOffset);
        }
    }
}
