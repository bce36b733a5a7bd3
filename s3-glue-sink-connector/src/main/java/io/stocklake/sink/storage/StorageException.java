package io.stocklake.sink.storage;

/** An object store request failed after the client's own retries. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
