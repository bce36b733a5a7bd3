package io.stocklake.compaction.metrics;

import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.VersionedObject;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The task's object store, telling {@code written} the size of every completed upload into a compacted
 * generation: the bytes compaction rewrote. The state object is written with a plain put and is not counted.
 */
public final class MeteredObjectStore implements ObjectStore {

    private static final String GENERATIONS = "/_compacted/";

    private final ObjectStore store;
    private final LongConsumer written;

    public MeteredObjectStore(ObjectStore store, LongConsumer written) {
        this.store = store;
        this.written = written;
    }

    @Override
    public ObjectUpload startUpload(String key) {
        ObjectUpload upload = store.startUpload(key);
        if (!key.contains(GENERATIONS)) {
            return upload;
        }
        return new ObjectUpload() {
            @Override
            public OutputStream stream() {
                return upload.stream();
            }

            @Override
            public long bytesWritten() {
                return upload.bytesWritten();
            }

            @Override
            public long heldBytes() {
                return upload.heldBytes();
            }

            @Override
            public void complete() {
                upload.complete();
                written.accept(upload.bytesWritten());
            }

            @Override
            public void abort() {
                upload.abort();
            }
        };
    }

    @Override
    public void put(String key, byte[] content) {
        store.put(key, content);
    }

    @Override
    public byte[] get(String key) {
        return store.get(key);
    }

    @Override
    public VersionedObject read(String key) {
        return store.read(key);
    }

    @Override
    public String putIf(String key, byte[] content, String expectedVersion) {
        return store.putIf(key, content, expectedVersion);
    }

    @Override
    public List<String> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public void delete(Collection<String> keys) {
        store.delete(keys);
    }

    @Override
    public void close() {
        store.close();
    }
}
