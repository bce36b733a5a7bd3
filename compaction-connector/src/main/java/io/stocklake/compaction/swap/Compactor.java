package io.stocklake.compaction.swap;

import io.stocklake.compaction.catalog.PartitionLocations;
import io.stocklake.compaction.plan.PartitionRef;
import io.stocklake.compaction.rewrite.Rewriter;
import io.stocklake.compaction.state.CompactionState;
import io.stocklake.compaction.state.CompactionState.Pending;
import io.stocklake.compaction.state.CompactionState.Retired;
import io.stocklake.compaction.state.StateStore;
import io.stocklake.sink.commit.LandedOffsets;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts one partition at a time, in steps each of which a crash may end:
 * <ol>
 * <li>claim: the plan (generation N+1, its attempt folder, the exact input files) is written into the partition's
 * state object, conditionally on the version read, so of two compactors only one proceeds;</li>
 * <li>write: the inputs are rewritten into the attempt folder, and the output list recorded in the state;</li>
 * <li>swap: the catalog's partition location moves to the attempt folder in one call;</li>
 * <li>finish: the state names the new generation, the folded sink files and the replaced files, which retire;</li>
 * <li>clean (later passes): retired files are deleted once their grace has passed.</li>
 * </ol>
 * A pass that finds a claim older than the claim timeout (its compactor died) finishes that same plan; one that
 * finds the catalog pointing away from the state's generation (a late swap by a compactor that lost its claim)
 * points it back. Nothing readers see is ever deleted before the grace, and every folder a dead attempt left
 * behind retires like replaced files.
 */
public final class Compactor {

    private static final Logger log = LoggerFactory.getLogger(Compactor.class);
    static final String STATE_FILE = ObjectLayout.COMPACTION_STATE;

    private final ObjectStore store;
    private final StateStore states;
    private final ObjectLayout layout;
    private final PartitionLocations locations;
    private final Rewriter rewriter;
    private final CompactionTimes times;
    private final Clock clock;
    private final String owner;
    private final Supplier<String> attempts;
    private final LandedOffsets landed;

    public Compactor(
            ObjectStore store,
            ObjectLayout layout,
            PartitionLocations locations,
            Rewriter rewriter,
            CompactionTimes times,
            Clock clock,
            String owner,
            Supplier<String> attempts,
            LandedOffsets landed) {
        this.store = store;
        this.states = new StateStore(store);
        this.layout = layout;
        this.locations = locations;
        this.rewriter = rewriter;
        this.times = times;
        this.clock = clock;
        this.owner = owner;
        this.attempts = attempts;
        this.landed = landed;
    }

    /**
     * One pass over a closed partition: finishes or starts a compaction, deletes what has retired. A partition never
     * compacted needs {@link CompactionTimes#minFiles} landed files; once compacted, any landed file is folded in.
     */
    public Outcome compact(PartitionRef partition) {
        return compact(partition, -1);
    }

    /**
     * One pass over the open partition (the sink still writes into it): it is compacted once {@code minFiles}
     * landed files are not folded yet, so readers see few files while the newest stay as they are.
     */
    public Outcome compactOpen(PartitionRef partition, int minFiles) {
        return compact(partition, minFiles);
    }

    private Outcome compact(PartitionRef partition, int openMinFiles) {
        String stateKey = stateKey(partition);
        StateStore.Versioned read = states.read(stateKey);
        CompactionState state = read.state();
        String version = read.version();
        long now = clock.millis();
        try {
            if (state.pending() != null) {
                Pending claim = state.pending();
                if (!claim.owner().equals(owner)
                        && now - claim.claimedAt() < times.claimTimeout().toMillis()) {
                    return Outcome.BUSY;
                }
                log.info(
                        "Taking over the unfinished compaction of {} into generation {} (claimed by {})",
                        partition,
                        claim.generation(),
                        claim.owner());
                state = state.withPending(claim.retaken(attempts.get(), owner, now));
                version = states.write(stateKey, state, version);
                return execute(partition, stateKey, state, version);
            }
            String actual = locations.location(partition);
            if (actual == null) {
                return Outcome.NOT_REGISTERED;
            }
            String expected = layout.uri(currentFolder(partition, state));
            if (!sameFolder(actual, expected)) {
                if (state.generation() == 0) {
                    log.warn(
                            "Partition {} is registered at {}, not where the sink writes it ({}); not compacting it",
                            partition,
                            actual,
                            expected);
                    return Outcome.FOREIGN_LOCATION;
                }
                log.warn(
                        "Partition {} points at {} but its generation {} is at {}; pointing it back",
                        partition,
                        actual,
                        state.generation(),
                        expected);
                locations.point(partition, expected);
            }
            Listing listing = list(partition, state);
            CompactionState cleaned = clean(state, listing, now);
            List<String> fresh = foldable(partition, state, listing);
            int needed = openMinFiles > 0 ? openMinFiles : state.generation() > 0 ? 1 : times.minFiles();
            if (fresh.isEmpty() || fresh.size() < needed) {
                if (!cleaned.equals(state)) {
                    states.write(stateKey, cleaned, version);
                }
                return Outcome.NOTHING_TO_DO;
            }
            List<String> inputs = new ArrayList<>(state.outputs());
            inputs.addAll(fresh);
            Pending claim = new Pending(state.generation() + 1, attempts.get(), owner, now, inputs, fresh, null);
            state = cleaned.withPending(claim);
            version = states.write(stateKey, state, version);
            return execute(partition, stateKey, state, version);
        } catch (ObjectChangedException e) {
            log.info("Compaction state of {} changed meanwhile; another compactor is at it", partition);
            return Outcome.LOST_RACE;
        }
    }

    private Outcome execute(PartitionRef partition, String stateKey, CompactionState state, String version) {
        Pending claim = state.pending();
        String folder =
                CompactionState.generationFolder(compactedPrefix(partition), claim.generation(), claim.attempt());
        if (claim.outputs() == null) {
            List<String> outputs = rewriter.rewrite(partition, claim.inputs(), folder);
            state = state.withPending(claim.written(outputs));
            version = states.write(stateKey, state, version);
        }
        int carried = carry(partition, state, folder);
        locations.point(partition, layout.uri(folder));
        long deleteAfter = clock.millis() + times.retentionGrace().toMillis();
        states.write(stateKey, state.finished(folder, deleteAfter, folded(partition, claim.fresh())), version);
        log.info(
                "Compacted {} into generation {}: {} files became {} (and {} not folded yet, carried over)",
                partition,
                claim.generation(),
                claim.inputs().size(),
                state.pending().outputs().size(),
                carried);
        return Outcome.COMPACTED;
    }

    /**
     * Copies into the new generation's folder every sink file readers see now that it does not fold: files not
     * landed yet (a replay may still write them again, under the same name, into the folder readers see) and files
     * that arrived after the claim's listing. The listing here runs after the claim was written: a sink that copied
     * a file where readers look before it read the state (and so saw no claim) is found by it; one that read the
     * state after the claim copies the file into the claimed folder itself.
     */
    private int carry(PartitionRef partition, CompactionState state, String folder) {
        Pending claim = state.pending();
        Set<String> inputNames = new TreeSet<>();
        claim.inputs().forEach(k -> inputNames.add(ObjectLayout.fileName(k)));
        String current = currentFolder(partition, state);
        String base = layout.partitionLocation(partition.destination());
        Set<String> outputs = new TreeSet<>(state.outputs());
        int carried = 0;
        for (String key : store.list(current)) {
            String name = key.substring(current.length());
            if (name.contains("/") || hidden(name) || outputs.contains(key)) {
                continue;
            }
            if (inputNames.contains(name) || state.hasFolded(base + name)) {
                continue;
            }
            store.put(folder + name, store.get(key));
            carried++;
        }
        return carried;
    }

    /** The partition-folder keys (as the folded set names them) of the sink files a compaction folds. */
    private List<String> folded(PartitionRef partition, List<String> fresh) {
        String base = layout.partitionLocation(partition.destination());
        return fresh.stream().map(k -> base + ObjectLayout.fileName(k)).toList();
    }

    /**
     * The sink files to fold now, one key per file name: the copy where readers look if there is one, else the
     * sink's own. Only files below their Kafka partition's landed offset: no replay writes those again, so folding
     * them can never leave a second copy of their rows where readers look. The others stay as they are, and are
     * carried into the next generation when readers see them.
     */
    private List<String> foldable(PartitionRef partition, CompactionState state, Listing listing) {
        String base = layout.partitionLocation(partition.destination());
        Map<String, String> byName = new TreeMap<>();
        for (String key : listing.sinkFiles()) {
            byName.put(ObjectLayout.fileName(key), key);
        }
        for (String key : listing.arrivals()) {
            byName.put(ObjectLayout.fileName(key), key);
        }
        Map<TopicPartition, Long> landedMemo = new HashMap<>();
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<String, String> file : byName.entrySet()) {
            if (!state.hasFolded(base + file.getKey()) && landed(partition, file.getKey(), landedMemo)) {
                fresh.add(file.getValue());
            }
        }
        return fresh;
    }

    private boolean landed(PartitionRef partition, String name, Map<TopicPartition, Long> memo) {
        SinkFileName parsed = SinkFileName.parse(name);
        if (parsed == null) {
            // Not named as the sink names files: nothing replays it.
            return true;
        }
        long landed = memo.computeIfAbsent(parsed.partition(), tp -> this.landed.landed(partition.table(), tp));
        return parsed.startOffset() < landed;
    }

    /** Where readers of the partition look while the state is current: the sink's folder, or the generation's. */
    private String currentFolder(PartitionRef partition, CompactionState state) {
        return state.generation() == 0 ? layout.partitionLocation(partition.destination()) : state.location();
    }

    /**
     * Deletes the retired files whose grace has passed, and retires what no reader needs but nothing retired yet:
     * sink files already folded that appeared again (a replay rewrote them) and files of folders other than the
     * current generation (attempts that died or lost their claim, and earlier generations' unfolded copies).
     */
    private CompactionState clean(CompactionState state, Listing listing, long now) {
        List<Retired> keep = new ArrayList<>();
        List<String> due = new ArrayList<>();
        for (Retired group : state.retired()) {
            if (group.deleteAfter() <= now) {
                due.addAll(group.keys());
            } else {
                keep.add(group);
            }
        }
        if (!due.isEmpty()) {
            store.delete(due);
        }
        // Keys deleted just now were listed before: they count as retired, not as found again.
        Set<String> retiredKeys = state.retiredKeys();
        List<String> unneeded = new ArrayList<>();
        for (String key : listing.sinkFiles()) {
            if (state.hasFolded(key) && !retiredKeys.contains(key)) {
                unneeded.add(key);
            }
        }
        Set<String> current = new TreeSet<>(state.outputs());
        for (String key : listing.generationFiles()) {
            if (!current.contains(key) && !retiredKeys.contains(key)) {
                unneeded.add(key);
            }
        }
        if (!unneeded.isEmpty()) {
            keep.add(new Retired(now + times.retentionGrace().toMillis(), unneeded));
        }
        return keep.equals(state.retired()) ? state : state.withRetired(keep);
    }

    /**
     * The partition folder's objects: the sink's files in it ({@code sinkFiles}), the sink files readers see in the
     * current generation's folder ({@code arrivals}: copies the sink made, or carried over, never folded ones), and
     * every other file under the compacted folder but the state. In a partition never compacted, readers see the
     * sink's folder: its files are the arrivals too.
     */
    private Listing list(PartitionRef partition, CompactionState state) {
        String base = layout.partitionLocation(partition.destination());
        String compacted = compactedPrefix(partition);
        String current = currentFolder(partition, state);
        Set<String> outputs = new TreeSet<>(state.outputs());
        List<String> sinkFiles = new ArrayList<>();
        List<String> arrivals = new ArrayList<>();
        List<String> generationFiles = new ArrayList<>();
        for (String key : store.list(base)) {
            if (key.startsWith(compacted)) {
                if (key.equals(compacted + STATE_FILE)) {
                    continue;
                }
                String name = key.startsWith(current) ? key.substring(current.length()) : null;
                if (name != null && !name.contains("/") && !hidden(name) && !outputs.contains(key)) {
                    if (state.hasFolded(base + name)) {
                        // Never copied there by the sink nor carried; deleting it at once ends the double rows.
                        log.warn("{} holds rows already compacted; deleting it", key);
                        store.delete(List.of(key));
                    } else {
                        arrivals.add(key);
                    }
                } else {
                    generationFiles.add(key);
                }
            } else if (!hidden(key.substring(base.length()))) {
                sinkFiles.add(key);
            }
        }
        return new Listing(sinkFiles, arrivals, generationFiles);
    }

    /** Readers skip names that start with an underscore or a dot, and so does compaction. */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private record Listing(List<String> sinkFiles, List<String> arrivals, List<String> generationFiles) {}

    String stateKey(PartitionRef partition) {
        return compactedPrefix(partition) + STATE_FILE;
    }

    private String compactedPrefix(PartitionRef partition) {
        return layout.compactedPrefix(partition.destination());
    }

    private static boolean sameFolder(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
}
