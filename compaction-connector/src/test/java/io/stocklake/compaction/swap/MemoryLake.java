package io.stocklake.compaction.swap;

import io.stocklake.compaction.catalog.PartitionLocations;
import io.stocklake.compaction.plan.PartitionRef;
import io.stocklake.compaction.rewrite.Rewriter;
import io.stocklake.sink.commit.GenerationCopies;
import io.stocklake.sink.commit.LandedOffsets;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.VersionedObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * A bucket and a catalog in memory, for the compaction logic alone: objects hold one record (an offset) per line,
 * conditional writes behave as S3's, and a crash can be planned at any numbered operation. {@link #view} reads a
 * partition as a query engine does: the files directly in its location, names starting with '_' or '.' skipped.
 */
final class MemoryLake {

    static final ObjectLayout LAYOUT = new ObjectLayout("lake", "topics");
    static final PartitionRef PARTITION = PartitionRef.of("ticks", List.of("dt", "hour"), List.of("2026-11-24", "03"));
    static final CompactionTimes TIMES = new CompactionTimes(2, Duration.ofMinutes(30), Duration.ofMinutes(15));

    /** Thrown at the planned operation, as if the process died there. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(int operation) {
            super("crash at operation " + operation, null, false, false);
        }
    }

    final Map<String, byte[]> objects = new TreeMap<>();
    final Map<String, String> versions = new HashMap<>();
    final Map<PartitionRef, String> locations = new HashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T05:00:00Z"));
    final AtomicInteger operations = new AtomicInteger();
    /** Crash at this operation number; -1 for none. */
    int crashAt = -1;
    /** Checked after every operation that changes the bucket or the catalog. */
    Runnable afterChange = () -> {};
    /** Runs once, just before the next conditional write. */
    Runnable beforeConditionalWrite;
    /** Runs once, just before the operation of that number (as another process acting at that moment). */
    final Map<Integer, Runnable> atOperation = new HashMap<>();

    private int nextVersion;

    final ObjectStore store = new ObjectStore() {
        @Override
        public ObjectUpload startUpload(String key) {
            step();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            return new ObjectUpload() {
                @Override
                public OutputStream stream() {
                    return bytes;
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
                    put(key, bytes.toByteArray());
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void put(String key, byte[] content) {
            step();
            store(key, content);
        }

        @Override
        public byte[] get(String key) {
            step();
            byte[] content = objects.get(key);
            if (content == null) {
                throw new io.stocklake.sink.storage.StorageException("no object " + key, null);
            }
            return content;
        }

        @Override
        public VersionedObject read(String key) {
            step();
            byte[] content = objects.get(key);
            return content == null ? null : new VersionedObject(content, versions.get(key));
        }

        @Override
        public String putIf(String key, byte[] content, String expectedVersion) {
            if (beforeConditionalWrite != null) {
                Runnable hook = beforeConditionalWrite;
                beforeConditionalWrite = null;
                hook.run();
            }
            step();
            String current = versions.get(key);
            if (expectedVersion == null ? current != null : !expectedVersion.equals(current)) {
                throw new ObjectChangedException(key + " changed", null);
            }
            return store(key, content);
        }

        @Override
        public List<String> list(String prefix) {
            step();
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public void delete(Collection<String> keys) {
            step();
            keys.forEach(k -> {
                objects.remove(k);
                versions.remove(k);
            });
            afterChange.run();
        }

        @Override
        public void close() {}
    };

    final PartitionLocations catalog = new PartitionLocations() {
        @Override
        public String location(PartitionRef partition) {
            step();
            return locations.get(partition);
        }

        @Override
        public void point(PartitionRef partition, String location) {
            step();
            locations.put(partition, location);
            afterChange.run();
        }
    };

    /** Rewrites by concatenating the inputs' lines, sorted, into one file; leaves nothing else in the folder. */
    final Rewriter rewriter = (partition, inputs, folder) -> {
        List<String> lines = new ArrayList<>();
        for (String key : inputs) {
            lines.addAll(lines(store.get(key)));
        }
        lines.sort(null);
        String key = folder + "part-00000.txt";
        ObjectUpload upload = store.startUpload(key);
        try {
            upload.stream().write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        upload.complete();
        Set<String> strays = new HashSet<>(store.list(folder));
        strays.remove(key);
        store.delete(strays);
        return List.of(key);
    };

    private String store(String key, byte[] content) {
        objects.put(key, content);
        String version = "v" + (++nextVersion);
        versions.put(key, version);
        afterChange.run();
        return version;
    }

    private void step() {
        int operation = operations.getAndIncrement();
        if (operation == crashAt) {
            throw new Crash(operation);
        }
        Runnable other = atOperation.remove(operation);
        if (other != null) {
            other.run();
        }
    }

    Compactor compactor(String owner) {
        AtomicInteger attempt = new AtomicInteger();
        return new Compactor(
                store,
                LAYOUT,
                catalog,
                rewriter,
                TIMES,
                clock,
                owner,
                () -> owner + attempt.incrementAndGet(),
                new LandedOffsets(store, LAYOUT));
    }

    /** The sink registers the partition at its folder. */
    void register() {
        locations.put(PARTITION, LAYOUT.uri(LAYOUT.partitionLocation(PARTITION.destination())));
    }

    /** A sink file named after its first offset holding {@code count} offsets, landed. */
    void sinkFile(long first, int count) {
        String key = sinkFileInFlight(first, count);
        new GenerationCopies(store, LAYOUT).publish(PARTITION.destination(), key);
        land(first + count);
    }

    /** A sink file uploaded into the partition folder, its batch not landed yet; returns its key. */
    String sinkFileInFlight(long first, int count) {
        StringBuilder lines = new StringBuilder();
        for (long o = first; o < first + count; o++) {
            lines.append(o == first ? "" : "\n").append(String.format("%08d", o));
        }
        String key = sinkKey(first);
        store(key, lines.toString().getBytes(StandardCharsets.UTF_8));
        return key;
    }

    static String sinkKey(long first) {
        return LAYOUT.partitionLocation(PARTITION.destination()) + "ticks+0+" + String.format("%020d", first)
                + ".parquet";
    }

    /** The sink's boundary log records that offsets before {@code offset} have landed. */
    void land(long offset) {
        store(
                LAYOUT.boundaryLogKey("ticks", new TopicPartition("ticks", 0)),
                ("writer w\nlanded " + offset + "\nuploaded " + offset + "\ncuts\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The records a query of the partition reads now, in file order. */
    List<String> view() {
        String location = locations.get(PARTITION);
        String prefix = location.substring(("s3://" + LAYOUT.bucket() + "/").length());
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        List<String> records = new ArrayList<>();
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            String rest = object.getKey().startsWith(prefix) ? object.getKey().substring(prefix.length()) : null;
            if (rest != null && !rest.contains("/") && !rest.startsWith("_") && !rest.startsWith(".")) {
                records.addAll(lines(object.getValue()));
            }
        }
        return records;
    }

    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static List<String> offsets(long first, long end) {
        List<String> all = new ArrayList<>();
        for (long o = first; o < end; o++) {
            all.add(String.format("%08d", o));
        }
        return all;
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
