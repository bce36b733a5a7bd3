package io.stocklake.sink.storage;

/**
 * A conditional write was refused (S3's 412 Precondition Failed): the object is no longer the version the
 * writer read, or exists where the writer expected none. Somebody else wrote it in between.
 */
public class ObjectChangedException extends StorageException {

    private static final long serialVersionUID = 1L;

    public ObjectChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
