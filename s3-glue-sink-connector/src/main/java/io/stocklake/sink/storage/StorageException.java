package io.stocklake.sink.storage;

/** An object store request failed after the client's own retries. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String permanentCause;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
        this.permanentCause = S3Failures.permanentCause(cause);
    }

    /** Why no retry can mend this failure, naming the setting to change; null when a retry may. */
    public String permanentCause() {
        return permanentCause;
    }
}
