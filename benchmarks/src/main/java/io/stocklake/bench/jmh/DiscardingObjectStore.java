package io.stocklake.bench.jmh;

import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.VersionedObject;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/** An object store that keeps nothing, so S3 is out of a micro-benchmark's figure. */
final class DiscardingObjectStore implements ObjectStore {

    @Override
    public ObjectUpload startUpload(String key) {
        return new ObjectUpload() {
            private final EncoderBench.CountingSink stream = new EncoderBench.CountingSink();

            @Override
            public OutputStream stream() {
                return stream;
            }

            @Override
            public long bytesWritten() {
                return stream.bytes;
            }

            @Override
            public long heldBytes() {
                return 0;
            }

            @Override
            public void complete() {}

            @Override
            public void abort() {}
        };
    }

    @Override
    public void put(String key, byte[] content) {}

    /** Nothing was kept, so there are no boundary markers to replay. */
    @Override
    public byte[] get(String key) {
        throw new UnsupportedOperationException("keeps no objects: " + key);
    }

    /** Nothing was kept, so there is no progress to read. */
    @Override
    public VersionedObject read(String key) {
        return null;
    }

    @Override
    public String putIf(String key, byte[] content, String expectedVersion) {
        return "discarded";
    }

    @Override
    public List<String> list(String prefix) {
        return List.of();
    }

    @Override
    public void delete(Collection<String> keys) {}

    @Override
    public void close() {}
}
