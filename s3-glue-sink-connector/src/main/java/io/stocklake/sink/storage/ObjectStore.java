package io.stocklake.sink.storage;

import java.util.Collection;
import java.util.List;

/** The few object store operations the sink needs. Every method throws StorageException on failure. */
public interface ObjectStore extends AutoCloseable {

    /** Starts writing an object that replaces any object under {@code key} once completed. */
    ObjectUpload startUpload(String key);

    /** Writes a small object in one request. */
    void put(String key, byte[] content);

    /** The content of an object. */
    byte[] get(String key);

    /** The content and version of a small object, or null when there is none. */
    VersionedObject read(String key);

    /**
     * Writes a small object only if it is still the version {@code expectedVersion} names, or, when that is null,
     * only if there is none (S3's {@code If-Match} and {@code If-None-Match: *}). Returns the new version.
     * ObjectChangedException when the condition does not hold.
     */
    String putIf(String key, byte[] content, String expectedVersion);

    /** Keys under a prefix, in lexicographic order. */
    List<String> list(String prefix);

    /** Deletes objects; keys that do not exist are fine. */
    void delete(Collection<String> keys);

    @Override
    void close();
}
