package io.stocklake.sink.commit;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import io.stocklake.sink.storage.StorageException;

/**
 * A rotated batch whose files are finished and uploaded in the background while the task writes the next one.
 * Its records become committable only once it has landed: every file in S3, then its partitions in the catalog.
 */
final class PendingBatch {

    private final List<OpenFile> files;
    private final long heldBytes;
    private final CompletableFuture<Void> completion;
    private long end;

    private PendingBatch(List<OpenFile> files, long end, long heldBytes, CompletableFuture<Void> completion) {
        this.files = files;
        this.end = end;
        this.heldBytes = heldBytes;
        this.completion = completion;
    }

    /** Hands the files to {@code uploads}, which completes them one after the other. */
    static PendingBatch start(Collection<OpenFile> files, long end, long heldBytes, Executor uploads) {
        List<OpenFile> batch = List.copyOf(files);
        return new PendingBatch(batch, end, heldBytes,
                CompletableFuture.runAsync(() -> batch.forEach(OpenFile::complete), uploads));
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

    /** Waits for the uploads to end either way, then discards whatever did not complete. */
    void abort() {
        completion.handle((ok, failure) -> null).join();
        files.forEach(OpenFile::abort);
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
