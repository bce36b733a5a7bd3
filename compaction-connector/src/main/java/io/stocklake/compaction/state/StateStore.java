package io.stocklake.compaction.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.StorageException;
import io.stocklake.sink.storage.VersionedObject;
import java.io.IOException;

/**
 * Reads and conditionally writes {@link CompactionState} objects as JSON. A write names the version it replaces
 * (S3's {@code If-Match}, or {@code If-None-Match: *} for the first one), so of two compactors acting on the same
 * version only one write lands; the other gets an {@link ObjectChangedException}.
 */
public final class StateStore {

    /** A state and the version of the object that holds it (null when there is none yet). */
    public record Versioned(CompactionState state, String version) {}

    private final ObjectStore store;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public StateStore(ObjectStore store) {
        this.store = store;
    }

    public Versioned read(String key) {
        VersionedObject object = store.read(key);
        if (object == null) {
            return new Versioned(CompactionState.NONE, null);
        }
        try {
            return new Versioned(json.readValue(object.content(), CompactionState.class), object.version());
        } catch (IOException e) {
            throw new StorageException("compaction state " + key + " is not readable: " + e.getMessage(), e);
        }
    }

    /** The new version; ObjectChangedException when the object is no longer {@code expectedVersion}. */
    public String write(String key, CompactionState state, String expectedVersion) {
        byte[] content;
        try {
            content = json.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("compaction state is not writable as JSON", e);
        }
        return store.putIf(key, content, expectedVersion);
    }
}
