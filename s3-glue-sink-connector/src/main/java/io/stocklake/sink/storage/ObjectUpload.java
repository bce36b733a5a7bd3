package io.stocklake.sink.storage;

import java.io.OutputStream;

/** One object being written: bytes go to {@link #stream()}, nothing is visible before {@link #complete()}. */
public interface ObjectUpload {

    /** Where the file's bytes go; its write methods throw IOException (cause: StorageException) on failure. */
    OutputStream stream();

    /** Bytes written to the stream so far. */
    long bytesWritten();

    /** Memory this upload holds for bytes not yet sent. */
    long heldBytes();

    /** Makes the object visible under its key with all bytes written; StorageException on failure. */
    void complete();

    /** Gives up the object: nothing becomes visible, parts already sent are discarded. Never throws. */
    void abort();
}
