package io.stocklake.sink.commit;

import io.stocklake.sink.storage.StorageException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A rotated batch whose files are finished and uploaded in the background while the task writes the next one.
 * Its records become committable only once it has landed: every file in S3, then its partitions in the catalog.
 */
final class PendingBatch {

    private final List<OpenFile> files;
    private final long heldBytes;
    private CompletableFuture<Void> completion;
    /** Set by the task thread, read by the upload thread between files. */
    private volatile boolean aborted;

    private long end;

    private PendingBatch(List<OpenFile> files, long end, long heldBytes) {
        this.files = files;
        this.end = end;
        this.heldBytes = heldBytes;
    }

    /**
     * Hands the files to {@code uploads}, which runs {@code beforeFiles} (the boundary log's write) and then completes
     * the files one after the other; none completes unless {@code beforeFiles} succeeded. {@code afterFile} runs
     * after each file is complete (it copies the file where readers of a compacted partition look).
     */
    static PendingBatch start(
            Collection<OpenFile> files,
            long end,
            long heldBytes,
            Runnable beforeFiles,
            Consumer<OpenFile> afterFile,
            Executor uploads) {
        PendingBatch batch = new PendingBatch(List.copyOf(files), end, heldBytes);
        batch.completion = CompletableFuture.runAsync(() -> batch.completeFiles(beforeFiles, afterFile), uploads);
        return batch;
    }

    private void completeFiles(Runnable beforeFiles, Consumer<OpenFile> afterFile) {
        if (aborted) {
            return;
        }
        beforeFiles.run();
        for (OpenFile file : files) {
            if (aborted) {
                return;
            }
            file.complete();
            afterFile.accept(file);
        }
    }

    boolean uploaded() {
        return completion.isDone();
    }

    /** Waits until every file is in S3; StorageException when one could not be completed. */
    void awaitUploads() {
        try {
            completion.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StorageException storage) {
                throw storage;
            }
            throw e;
        }
    }

    /**
     * Discards whatever has not completed, without waiting: a rebalance or a stop is never held up behind a
     * stalled upload. A file whose upload is under way may still become visible afterwards; that is harmless:
     * before its upload began, its batch's end was written to the boundary log as uploaded, and every later writer
     * cuts as this one did up to there, so the file holds the bytes a replay writes under its key.
     */
    void abort() {
        aborted = true;
        completion.whenComplete((ok, failure) -> files.forEach(OpenFile::abort));
    }

    /** Records after the batch that need no file (skipped or rejected) become safe together with it. */
    void extendTo(long offset) {
        end = Math.max(end, offset);
    }

    List<OpenFile> files() {
        return files;
    }

    long end() {
        return end;
    }

    long heldBytes() {
        return heldBytes;
    }
}
