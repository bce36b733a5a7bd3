package io.stocklake.sink.commit;

import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.VersionedObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotations of one Kafka partition that a replay could not recompute (wall-clock schedule, memory pressure),
 * kept in one small object together with the offset below which everything has landed, the end of the last batch
 * whose files may be in S3, and the writer that owns the partition.
 *
 * <p>Every write is conditional on the version this writer last wrote (S3's {@code If-Match}), and a writer takes
 * the partition over by rewriting the object under its own name. A writer that lost the partition (a task woken
 * from a stalled call after its consumer left the group) therefore cannot add a boundary once the new owner has
 * read the log: it is fenced, and can never make visible a cut the new owner does not know. Cuts that depend on
 * the records alone need no entry, since every writer that knows the recorded ones recomputes them, byte for byte,
 * as long as it makes no early cut of its own before the last batch that may be in S3: that end is written here
 * before any batch's upload starts, so a replay (or a successor) cuts early only past it.
 *
 * <p>The task thread plans each write ({@link #beforeUpload}) and the upload thread performs it just before the
 * batch's files complete, so the task never waits for S3 here. The writes of one claim run in the order planned,
 * each on the version the one before it wrote; a claim starts a new sequence, and a write planned before it is
 * refused without being sent.
 */
final class BoundaryLog {

    private static final Logger log = LoggerFactory.getLogger(BoundaryLog.class);
    /** Claims lost to a concurrent writer before giving up; each loss means another writer wrote just then. */
    private static final int CLAIM_ATTEMPTS = 5;

    /**
     * What a claim found: everything before {@code landed} is in S3 and registered; replays cut at {@code cuts};
     * files of batches up to {@code uploadedThrough} may be in S3, so no early cut may fall before it.
     */
    record Claimed(long landed, NavigableSet<Long> cuts, long uploadedThrough) {}

    private final ObjectStore store;
    private final String key;
    private final String legacyPrefix;
    private final TopicPartition tp;
    private final String writer = UUID.randomUUID().toString();
    private final TreeSet<Long> cuts = new TreeSet<>();
    /** The version this writer last wrote, and the claim it wrote it under; shared with the upload thread. */
    private String version;

    private long claimNumber;
    private long landed = -1;
    private long uploadedThrough = -1;

    /**
     * @param legacyPrefix where earlier versions kept one marker object per boundary; a claim folds them into the
     *                     log (and leaves them: deleting them would need a permission for that alone)
     */
    BoundaryLog(ObjectStore store, String key, String legacyPrefix, TopicPartition tp) {
        this.store = store;
        this.key = key;
        this.legacyPrefix = legacyPrefix;
        this.tp = tp;
    }

    /**
     * Takes the partition over from whoever wrote the log last, for a writer whose first record is at {@code
     * firstOffset}. Returns the landed offset (at least {@code firstOffset}) and the recorded cuts after it.
     */
    Claimed claim(long firstOffset) {
        long claiming;
        synchronized (this) {
            claiming = ++claimNumber;
        }
        TreeSet<Long> legacy = new TreeSet<>();
        legacyMarkers().forEach(marker -> legacy.addAll(legacyBoundary(marker)));
        for (int attempt = 1; ; attempt++) {
            VersionedObject current = store.read(key);
            Entry found = current == null ? Entry.EMPTY : Entry.parse(current.content());
            TreeSet<Long> recorded = new TreeSet<>(found.cuts());
            recorded.addAll(legacy);
            long start = Math.max(firstOffset, found.landed());
            Entry mine =
                    new Entry(writer, start, new TreeSet<>(recorded.tailSet(start, false)), found.uploadedThrough());
            try {
                String written = store.putIf(key, mine.bytes(), current == null ? null : current.version());
                synchronized (this) {
                    if (claiming == claimNumber) {
                        version = written;
                    }
                }
            } catch (ObjectChangedException e) {
                if (attempt == CLAIM_ATTEMPTS) {
                    throw e;
                }
                log.info("{}: another writer wrote the boundary log while this one took it over; reading again", tp);
                continue;
            }
            landed = start;
            uploadedThrough = found.uploadedThrough();
            cuts.clear();
            cuts.addAll(mine.cuts());
            if (!found.writer().isEmpty() && start > firstOffset) {
                log.info("{}: offsets [{}, {}) have landed already; skipping them", tp, firstOffset, start);
            }
            return new Claimed(landed, new TreeSet<>(cuts), uploadedThrough);
        }
    }

    /**
     * Plans the record that the batch [start, end) may have files in S3 from now on and, when {@code earlyCut}, that
     * it ends where no rule would end it. The returned write must run, and succeed, before any file of the batch
     * completes; it throws ObjectChangedException when another writer has claimed the partition since, or when a
     * claim of this writer's own has started a new sequence: the batch must then upload nothing.
     */
    Runnable beforeUpload(long landedOffset, long start, long end, boolean earlyCut) {
        TreeSet<Long> next = new TreeSet<>(cuts);
        if (earlyCut) {
            next.add(start);
            next.add(end);
        }
        long low = Math.max(landed, landedOffset);
        Entry mine = new Entry(writer, low, new TreeSet<>(next.tailSet(low, false)), Math.max(uploadedThrough, end));
        landed = low;
        uploadedThrough = mine.uploadedThrough();
        cuts.clear();
        cuts.addAll(mine.cuts());
        long planned;
        synchronized (this) {
            planned = claimNumber;
        }
        return () -> write(mine, planned);
    }

    private void write(Entry mine, long planned) {
        String expected;
        synchronized (this) {
            if (planned != claimNumber) {
                throw new ObjectChangedException(
                        tp + ": the boundary log was claimed again after this write was" + " planned (" + key + ")",
                        null);
            }
            expected = version;
        }
        String written;
        try {
            written = store.putIf(key, mine.bytes(), expected);
        } catch (ObjectChangedException e) {
            // The write may have landed with its answer lost and been retried: then the log holds exactly it.
            VersionedObject current = store.read(key);
            if (current == null || !Entry.parse(current.content()).equals(mine)) {
                throw new ObjectChangedException(
                        tp + ": another writer has taken this partition over (" + key + "); this one stops writing it",
                        e);
            }
            written = current.version();
        }
        synchronized (this) {
            if (planned == claimNumber) {
                version = written;
            }
        }
    }

    private List<String> legacyMarkers() {
        List<String> markers = new ArrayList<>();
        for (String candidate : store.list(legacyPrefix)) {
            if (candidate.substring(legacyPrefix.length()).chars().allMatch(Character::isDigit)) {
                markers.add(candidate);
            }
        }
        return markers;
    }

    private List<Long> legacyBoundary(String marker) {
        long start = Long.parseLong(marker.substring(legacyPrefix.length()));
        long end = Long.parseLong(new String(store.get(marker), StandardCharsets.US_ASCII).trim());
        return List.of(start, end);
    }

    /** The landed offset a log's content names: everything before it is in S3 and registered; -1 when none. */
    static long landedIn(byte[] content) {
        return Entry.parse(content).landed();
    }

    /** The log's content: four lines of text, so a person can read it with any S3 client. */
    private record Entry(String writer, long landed, NavigableSet<Long> cuts, long uploadedThrough) {

        static final Entry EMPTY = new Entry("", -1, new TreeSet<>(), -1);

        static Entry parse(byte[] content) {
            String writer = "";
            long landed = -1;
            long uploadedThrough = -1;
            TreeSet<Long> cuts = new TreeSet<>();
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "writer" -> writer = words.length > 1 ? words[1] : "";
                    case "landed" -> landed = Long.parseLong(words[1]);
                    case "uploaded" -> uploadedThrough = Long.parseLong(words[1]);
                    case "cuts" -> {
                        for (int i = 1; i < words.length; i++) {
                            cuts.add(Long.parseLong(words[i]));
                        }
                    }
                    default -> {}
                }
            }
            return new Entry(writer, landed, cuts, uploadedThrough);
        }

        byte[] bytes() {
            StringBuilder text = new StringBuilder("writer ")
                    .append(writer)
                    .append("\nlanded ")
                    .append(landed)
                    .append("\nuploaded ")
                    .append(uploadedThrough)
                    .append("\ncuts");
            cuts.forEach(cut -> text.append(' ').append(cut));
            return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry e
                    && writer.equals(e.writer)
                    && landed == e.landed
                    && cuts.equals(e.cuts)
                    && uploadedThrough == e.uploadedThrough;
        }

        @Override
        public int hashCode() {
            return Objects.hash(writer, landed, cuts, uploadedThrough);
        }
    }
}
