package io.stocklake.sink.simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * The lake's promises, checked as the run goes: what a commit may claim, what a committed object may never do
 * afterwards, and at the end each written record in exactly one visible object of a registered partition and
 * each bad record in the dead letter queue.
 */
final class LakeChecker implements SimulatedBucket.Listener {

    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");
    private static final Pattern FILE = Pattern.compile(".*/([^/+]+)\\+(\\d+)\\+\\d+\\.json$");

    /** A data object's Kafka partition and the offsets of its lines. */
    record DataObject(TopicPartition tp, long[] offsets) {}

    private final RecordLog log;
    private final FaultyCatalog catalog;
    private final String bucketUri;
    private final Trace trace;
    private final Map<String, DataObject> objects = new TreeMap<>();
    private final Map<String, byte[]> frozen = new HashMap<>();
    private final Map<String, String> frozenBy = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    /** Records written twice: kept apart, since a run goes on after one to look for worse (a loss). */
    private final List<String> duplicates = new ArrayList<>();

    LakeChecker(RecordLog log, FaultyCatalog catalog, String bucket, Trace trace) {
        this.log = log;
        this.catalog = catalog;
        this.bucketUri = "s3://" + bucket + "/";
        this.trace = trace;
    }

    /** Broken promises other than duplicates: a loss, a commit ahead of the lake, a bad record not reported. */
    List<String> violations() {
        return violations;
    }

    /** Records in two visible objects, or a committed object rewritten with more records than it held. */
    List<String> duplicates() {
        return duplicates;
    }

    @Override
    public void changed(String by, String key, byte[] before, byte[] after) {
        Matcher file = FILE.matcher(key);
        if (!file.matches()) {
            if (after != null && after.length < 400) {
                // Small metadata (the boundary records): its content explains where replays cut.
                String text = new String(after, StandardCharsets.UTF_8).replaceAll("writer \\S+\\n", "");
                trace.add(by + " writes " + key + ": " + text.replace('\n', ' ').trim());
            }
            return;
        }
        TopicPartition tp = new TopicPartition(file.group(1), Integer.parseInt(file.group(2)));
        if (after == null) {
            objects.remove(key);
            trace.add(by + " deletes " + key);
        } else {
            DataObject object = new DataObject(tp, offsetsOf(after));
            objects.put(key, object);
            trace.add(by + " makes visible " + key + ": " + range(object.offsets()));
        }
        byte[] committedContent = frozen.get(key);
        if (committedContent != null && !Arrays.equals(committedContent, after)) {
            long[] now = after == null ? new long[0] : offsetsOf(after);
            String change = "(3) " + key + " changed by " + by + " after " + frozenBy.get(key)
                    + " committed its offsets: held " + range(offsetsOf(committedContent)) + ", now "
                    + (after == null ? "deleted" : range(now));
            if (Arrays.stream(offsetsOf(committedContent))
                    .allMatch(o -> Arrays.stream(now).anyMatch(n -> n == o))) {
                duplicate(change);
            } else {
                violate(change + ": committed records lost");
            }
            frozen.put(key, after == null ? new byte[0] : after);
        }
    }

    /**
     * A commit of {@code offset} for {@code tp} is accepted: every good record before it must be in a visible
     * object whose partition is registered; those objects may not change from now on.
     */
    void committed(String by, TopicPartition tp, long offset, SimulatedBucket bucket) {
        synchronized (bucket) {
            Map<Long, List<String>> holders = holders(tp);
            for (long o = 0; o < offset; o++) {
                if (log.isBad(tp, o)) {
                    continue;
                }
                List<String> keys = holders.get(o);
                if (keys == null) {
                    violate("(2) commit of " + tp + "@" + offset + " is ahead of the lake: offset " + o
                            + " is in no visible object");
                    return;
                }
                if (keys.stream().noneMatch(this::registered)) {
                    violate("(2) commit of " + tp + "@" + offset + ": offset " + o + " is only in " + keys
                            + ", whose partition is not registered");
                    return;
                }
            }
            objects.forEach((key, object) -> {
                if (object.tp().equals(tp) && object.offsets().length > 0 && min(object.offsets()) < offset) {
                    if (frozen.putIfAbsent(key, bucket.stored(key).content()) == null) {
                        frozenBy.put(key, by);
                    }
                }
            });
        }
    }

    /** After the final drain: everything written, once, visible and registered; bad records reported. */
    void finalChecks(CommittedOffsets committed, DeadLetterQueue deadLetters, boolean catalogDrops) {
        for (TopicPartition tp : log.partitions()) {
            long end = log.end(tp);
            if (committed.of(tp) != end) {
                violate("(1) " + tp + " committed " + committed.of(tp) + " after the drain, the log ends at " + end);
            }
            Map<Long, List<String>> holders = holders(tp);
            for (long o = 0; o < end; o++) {
                List<String> keys = holders.getOrDefault(o, List.of());
                if (log.isBad(tp, o)) {
                    if (!keys.isEmpty()) {
                        violate("(1) bad record " + tp + "@" + o + " is in " + keys);
                    }
                    if (deadLetters.reports(tp, o) == 0) {
                        violate("(5) bad record " + tp + "@" + o + " never reached the dead letter queue");
                    }
                } else if (keys.isEmpty()) {
                    violate("(1) " + tp + "@" + o + " is in no visible object: lost");
                } else if (keys.size() > 1) {
                    duplicate("(1) " + tp + "@" + o + " is in " + keys.size() + " visible objects " + keys);
                } else if (!catalogDrops && !registered(keys.get(0))) {
                    violate("(4) " + keys.get(0) + " holds committed data but its partition is not registered");
                }
            }
        }
    }

    private Map<Long, List<String>> holders(TopicPartition tp) {
        Map<Long, List<String>> holders = new HashMap<>();
        objects.forEach((key, object) -> {
            if (object.tp().equals(tp)) {
                for (long o : object.offsets()) {
                    holders.computeIfAbsent(o, x -> new ArrayList<>()).add(key);
                }
            }
        });
        return holders;
    }

    private boolean registered(String key) {
        String folder = key.substring(0, key.lastIndexOf('/') + 1);
        String[] parts = folder.split("/");
        return catalog.registered(parts[1], bucketUri + folder);
    }

    private void duplicate(String violation) {
        trace.add("DUPLICATE " + violation);
        duplicates.add(violation);
    }

    private void violate(String violation) {
        trace.add("VIOLATION " + violation);
        violations.add(violation);
    }

    private static long[] offsetsOf(byte[] content) {
        Matcher m = OFFSET.matcher(new String(content, StandardCharsets.UTF_8));
        List<Long> offsets = new ArrayList<>();
        while (m.find()) {
            offsets.add(Long.parseLong(m.group(1)));
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(Long.MAX_VALUE);
    }

    private static String range(long[] offsets) {
        if (offsets.length == 0) {
            return "no lines";
        }
        return offsets.length + " lines, offsets " + min(offsets) + ".."
                + Arrays.stream(offsets).max().getAsLong();
    }
}
