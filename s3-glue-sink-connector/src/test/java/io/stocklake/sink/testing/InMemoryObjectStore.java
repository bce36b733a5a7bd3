package io.stocklake.sink.testing;

import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.StorageException;
import io.stocklake.sink.storage.VersionedObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An object store in memory, for tests of the commit logic alone: uploads hold all their bytes until they
 * complete, and a failure can be planted for keys matching a predicate.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, String> versions = new java.util.HashMap<>();
    private long writes;
    private final List<Upload> openUploads = new ArrayList<>();
    private final List<String> completedKeys = new ArrayList<>();
    private Predicate<String> failCompleteFor = key -> false;

    public void failCompletionOf(Predicate<String> keys) {
        this.failCompleteFor = keys;
    }

    /** Every object, key to content. */
    public Map<String, byte[]> objects() {
        return new TreeMap<>(objects);
    }

    /** Data objects only (no boundary markers). */
    public Map<String, byte[]> dataObjects() {
        Map<String, byte[]> data = new TreeMap<>(objects);
        data.keySet().removeIf(k -> k.contains("/_boundaries/"));
        return data;
    }

    /** Keys in the order their uploads completed (repeats included). */
    public List<String> completedKeys() {
        return List.copyOf(completedKeys);
    }

    /** What the uploads not yet completed or aborted hold in memory. */
    public long heldByOpenUploads() {
        return openUploads.stream().mapToLong(Upload::heldBytes).sum();
    }

    public int openUploadCount() {
        return openUploads.size();
    }

    @Override
    public ObjectUpload startUpload(String key) {
        Upload upload = new Upload(key);
        openUploads.add(upload);
        return upload;
    }

    @Override
    public void put(String key, byte[] content) {
        objects.put(key, content.clone());
        versions.put(key, "v" + (++writes));
    }

    @Override
    public byte[] get(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new StorageException("no object " + key, null);
        }
        return content.clone();
    }

    @Override
    public VersionedObject read(String key) {
        byte[] content = objects.get(key);
        return content == null ? null : new VersionedObject(content.clone(), versions.get(key));
    }

    @Override
    public String putIf(String key, byte[] content, String expectedVersion) {
        String current = objects.containsKey(key) ? versions.get(key) : null;
        if (!java.util.Objects.equals(current, expectedVersion)) {
            throw new ObjectChangedException(key + " is at version " + current + ", expected " + expectedVersion, null);
        }
        put(key, content);
        return versions.get(key);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(Collection<String> keys) {
        keys.forEach(objects::remove);
    }

    @Override
    public void close() {}

    private final class Upload implements ObjectUpload {
        private final String key;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }
        };

        Upload(String key) {
            this.key = key;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public long bytesWritten() {
            return bytes.size();
        }

        @Override
        public long heldBytes() {
            return bytes.size();
        }

        @Override
        public void complete() {
            if (failCompleteFor.test(key)) {
                throw new StorageException("planted failure completing " + key, null);
            }
            openUploads.remove(this);
            put(key, bytes.toByteArray());
            completedKeys.add(key);
        }

        @Override
        public void abort() {
            openUploads.remove(this);
        }
    }
}
