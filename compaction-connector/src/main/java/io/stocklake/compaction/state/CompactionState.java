package io.stocklake.compaction.state;

import io.stocklake.sink.route.ObjectLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What compaction knows of one partition, kept in one small object beside the partition's generations and changed
 * only by conditional writes, so two compactors never both act on the same version of it.
 *
 * @param generation the generation readers see: 0 while the partition still points at the sink's own folder
 * @param location   the key prefix of that generation (its folder), null for generation 0
 * @param outputs    the files of that generation
 * @param folded     every sink file whose records that generation holds, by its key in the partition folder; the
 *                   sink names files after their first offset and rewrites a replayed file under the same key, so
 *                   a name seen again is the same records
 * @param pending    a claimed compaction not yet finished, or null
 * @param retired    files no reader needs any more, each group deleted once its grace has passed
 */
public record CompactionState(
        int generation,
        String location,
        List<String> outputs,
        List<String> folded,
        Pending pending,
        List<Retired> retired) {

    public static final CompactionState NONE = new CompactionState(0, null, List.of(), List.of(), null, List.of());

    public CompactionState {
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        folded = List.copyOf(new TreeSet<>(folded == null ? List.of() : folded));
        retired = List.copyOf(retired == null ? List.of() : retired);
    }

    /**
     * A compaction claimed by {@code owner}: it rewrites exactly {@code inputs} (the current generation's files and
     * the sink files not folded yet, {@code fresh}) into generation {@code generation}'s folder named by
     * {@code attempt}. Whoever finishes it, the claimant or a successor after {@code claimedAt} expired, rewrites
     * these same inputs, so the result never depends on who finishes.
     *
     * @param outputs the written files, null until all are written
     */
    public record Pending(
            int generation,
            String attempt,
            String owner,
            long claimedAt,
            List<String> inputs,
            List<String> fresh,
            List<String> outputs) {
        public Pending {
            inputs = List.copyOf(inputs);
            fresh = List.copyOf(fresh);
            outputs = outputs == null ? null : List.copyOf(outputs);
        }

        public Pending written(List<String> files) {
            return new Pending(generation, attempt, owner, claimedAt, inputs, fresh, files);
        }

        /** The same compaction taken over: a new attempt writes into a folder of its own unless all is written. */
        public Pending retaken(String newAttempt, String newOwner, long now) {
            return new Pending(
                    generation, outputs == null ? newAttempt : attempt, newOwner, now, inputs, fresh, outputs);
        }
    }

    /** Files to delete once {@code deleteAfter} (epoch milliseconds) has passed. */
    public record Retired(long deleteAfter, List<String> keys) {
        public Retired {
            keys = List.copyOf(keys);
        }
    }

    public CompactionState withPending(Pending claim) {
        return new CompactionState(generation, location, outputs, folded, claim, retired);
    }

    public CompactionState withRetired(List<Retired> groups) {
        return new CompactionState(generation, location, outputs, folded, pending, groups);
    }

    /**
     * The claimed compaction done: its outputs, in folder {@code folder}, are what readers see; the files they
     * replace retire until {@code deleteAfter}. {@code foldedKeys} names the folded sink files by their keys in the
     * partition folder, wherever the copies folded were.
     */
    public CompactionState finished(String folder, long deleteAfter, List<String> foldedKeys) {
        List<String> foldedNow = new ArrayList<>(folded);
        foldedNow.addAll(foldedKeys);
        List<Retired> groups = new ArrayList<>(retired);
        // The folded copies, and the sink's own files of the same names when the copies were elsewhere.
        Set<String> replaced = new TreeSet<>(outputs);
        replaced.addAll(pending.fresh());
        replaced.addAll(foldedKeys);
        if (!replaced.isEmpty()) {
            groups.add(new Retired(deleteAfter, List.copyOf(replaced)));
        }
        return new CompactionState(pending.generation(), folder, pending.outputs(), foldedNow, null, groups);
    }

    /** The folder of a generation: named by its number and attempt, under the partition's compacted folder. */
    public static String generationFolder(String compactedPrefix, int generation, String attempt) {
        return ObjectLayout.generationFolder(compactedPrefix, generation, attempt);
    }

    /** Every key some retired group names. */
    public Set<String> retiredKeys() {
        Set<String> keys = new TreeSet<>();
        retired.forEach(r -> keys.addAll(r.keys()));
        return keys;
    }

    public boolean hasFolded(String key) {
        return java.util.Collections.binarySearch(folded, key) >= 0;
    }
}
