package io.stocklake.sink.simulation;

import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.StorageException;
import io.stocklake.sink.storage.VersionedObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One task's connection to the {@link SimulatedBucket}. Every call may fail, hang (task thread only) or fail
 * while its effect lands later; conditional writes are enforced as S3 enforces them. A severed connection (a
 * crashed worker) fails every call without effect.
 */
final class FaultyObjectStore implements ObjectStore {

    /** Bytes sent per part: small, so part uploads fail too. */
    private static final int PART_BYTES = 512;

    private final SimulatedBucket bucket;
    private final Faults faults;
    private final String owner;
    private volatile boolean severed;

    FaultyObjectStore(SimulatedBucket bucket, Faults faults, String owner) {
        this.bucket = bucket;
        this.faults = faults;
        this.owner = owner;
    }

    void sever() {
        severed = true;
    }

    @Override
    public ObjectUpload startUpload(String key) {
        call("start upload " + key, () -> null, false);
        return new Upload(key);
    }

    @Override
    public void put(String key, byte[] content) {
        call("put " + key, () -> bucket.write(owner, key, content), true);
    }

    @Override
    public byte[] get(String key) {
        return call(
                "get " + key,
                () -> {
                    SimulatedBucket.Stored stored = bucket.stored(key);
                    if (stored == null) {
                        throw new StorageException("no object " + key, null);
                    }
                    return stored.content().clone();
                },
                false);
    }

    @Override
    public VersionedObject read(String key) {
        return call(
                "read " + key,
                () -> {
                    SimulatedBucket.Stored stored = bucket.stored(key);
                    return stored == null
                            ? null
                            : new VersionedObject(stored.content().clone(), stored.version());
                },
                false);
    }

    @Override
    public String putIf(String key, byte[] content, String expectedVersion) {
        return call(
                "putIf " + key + " expecting " + expectedVersion,
                () -> {
                    synchronized (bucket) {
                        SimulatedBucket.Stored stored = bucket.stored(key);
                        String current = stored == null ? null : stored.version();
                        if (!Objects.equals(current, expectedVersion)) {
                            throw new ObjectChangedException(
                                    key + " is at version " + current + ", expected " + expectedVersion, null);
                        }
                        return bucket.write(owner, key, content);
                    }
                },
                true);
    }

    @Override
    public List<String> list(String prefix) {
        return call("list " + prefix, () -> bucket.keys(prefix), false);
    }

    @Override
    public void delete(Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        call(
                "delete " + copy,
                () -> {
                    copy.forEach(key -> bucket.remove(owner, key));
                    return null;
                },
                true);
    }

    @Override
    public void close() {}

    /**
     * Runs one request: {@code effect} is what the server does; {@code lasting} says whether the server could
     * still do it after the client gave up (writes), which reads need not model.
     */
    private <T> T call(String what, Supplier<T> effect, boolean lasting) {
        if (severed) {
            throw new StorageException(owner + " is gone: " + what, null);
        }
        Faults.Fate fate = faults.fate(TaskThread.isTaskThread());
        switch (fate) {
            case OK:
                return effect.get();
            case FAIL:
                throw new StorageException("injected failure: " + what, null);
            case FAIL_EFFECT_LATER:
                if (lasting) {
                    bucket.delay(owner, what, effect::get, () -> true);
                }
                throw new StorageException("injected timeout: " + what, null);
            default:
                SimulatedBucket.Hang hang = bucket.hang(owner, what);
                SimulatedBucket.Hang.Outcome outcome = hang.release.join();
                if (severed) {
                    throw new StorageException(owner + " is gone: " + what, null);
                }
                switch (outcome) {
                    case SUCCEED:
                        return effect.get();
                    case FAIL_AFTER_EFFECT:
                        if (lasting) {
                            effect.get();
                        }
                        throw new StorageException("stalled and timed out: " + what, null);
                    default:
                        throw new StorageException("stalled and failed: " + what, null);
                }
        }
    }

    /** A multipart upload: parts leave as the buffer fills; nothing is visible before complete. */
    private final class Upload implements ObjectUpload {
        private final String key;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final ByteArrayOutputStream unsent = new ByteArrayOutputStream();
        private volatile boolean aborted;
        private final OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                unsent.write(b, off, len);
                if (unsent.size() >= PART_BYTES) {
                    sendPart();
                }
            }
        };

        Upload(String key) {
            this.key = key;
        }

        private void sendPart() throws IOException {
            try {
                call("part of " + key, () -> null, false);
            } catch (StorageException e) {
                throw new IOException(e.getMessage(), e);
            }
            unsent.writeTo(sent);
            unsent.reset();
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public long bytesWritten() {
            return sent.size() + unsent.size();
        }

        @Override
        public long heldBytes() {
            return unsent.size();
        }

        @Override
        public void complete() {
            if (unsent.size() > 0) {
                try {
                    sendPart();
                } catch (IOException e) {
                    throw new StorageException(e.getMessage(), e);
                }
            }
            byte[] content = sent.toByteArray();
            String what = "complete " + key;
            if (severed) {
                throw new StorageException(owner + " is gone: " + what, null);
            }
            switch (faults.fate(TaskThread.isTaskThread())) {
                case OK -> bucket.write(owner, key, content);
                case FAIL -> throw new StorageException("injected failure: " + what, null);
                case FAIL_EFFECT_LATER -> {
                    // S3 refuses a completion that arrives after the upload was aborted.
                    bucket.delay(owner, what, () -> bucket.write(owner, key, content), () -> !aborted);
                    throw new StorageException("injected timeout: " + what, null);
                }
                default -> {
                    SimulatedBucket.Hang hang = bucket.hang(owner, what);
                    SimulatedBucket.Hang.Outcome outcome = hang.release.join();
                    if (severed || outcome == SimulatedBucket.Hang.Outcome.FAIL) {
                        throw new StorageException("stalled and failed: " + what, null);
                    }
                    bucket.write(owner, key, content);
                    if (outcome == SimulatedBucket.Hang.Outcome.FAIL_AFTER_EFFECT) {
                        throw new StorageException("stalled and timed out: " + what, null);
                    }
                }
            }
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }
}
