package io.stocklake.sink.simulation;

import io.stocklake.sink.commit.MemoryBudget;
import io.stocklake.sink.commit.PartitionWriters;
import io.stocklake.sink.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/**
 * The Connect side of the simulation: one task owns the topic's partitions at a time; a rebalance hands them to
 * a new task (after closing the old one, or leaving it behind as a zombie that still acts late); a crash loses
 * everything uncommitted. New owners start at the committed offsets.
 */
final class SimulatedWorker {

    private final SimulationSetup setup;
    private final RecordLog log;
    private final SimulatedBucket bucket;
    private final FaultyCatalog catalog;
    private final Faults faults;
    private final MutableClock clock;
    private final LakeChecker checker;
    private final DeadLetterQueue deadLetters;
    private final Trace trace;
    private final Random random;
    private final CommittedOffsets committed = new CommittedOffsets();
    private final List<SimulatedTask> zombies = new ArrayList<>();
    private final List<SimulatedTask> all = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private SimulatedTask live;

    SimulatedWorker(
            SimulationSetup setup,
            RecordLog log,
            SimulatedBucket bucket,
            FaultyCatalog catalog,
            Faults faults,
            MutableClock clock,
            LakeChecker checker,
            DeadLetterQueue deadLetters,
            Trace trace,
            Random random) {
        this.setup = setup;
        this.log = log;
        this.bucket = bucket;
        this.catalog = catalog;
        this.faults = faults;
        this.clock = clock;
        this.checker = checker;
        this.deadLetters = deadLetters;
        this.trace = trace;
        this.random = random;
        live = newOwner();
    }

    SimulatedTask live() {
        return live;
    }

    List<SimulatedTask> zombies() {
        return zombies;
    }

    CommittedOffsets committed() {
        return committed;
    }

    /** Task failures Connect would report (FAILED state): none may happen in a run. */
    List<String> failures() {
        return failures;
    }

    void poll(int maxRecords) {
        live.poll(random, log, maxRecords);
        noteFailure(live);
    }

    void resumeLive() {
        resume(live);
    }

    /** The worker's periodic offset commit. */
    void commit() {
        commit(live);
    }

    /** A clean rebalance: the owner commits, closes its partitions, and a new task opens them. */
    void rebalance() {
        trace.add("rebalance: " + live.name + " revokes its partitions");
        Map<TopicPartition, Long> offsets = live.preCommit();
        live.close();
        drive(live);
        commit(live, offsets);
        live.stopThread();
        live = newOwner();
    }

    /**
     * The owner misses its poll deadline (a stalled call, a long pause): the group moves on without it. It stays
     * alive as a zombie, finishing whatever it was doing against the same bucket.
     */
    void evict() {
        trace.add("eviction: " + live.name + " is left behind as a zombie");
        zombies.add(live);
        live = newOwner();
    }

    /** The worker dies: nothing of the owner's survives but what already landed. */
    void crash() {
        trace.add("crash: " + live.name + " dies");
        live.kill(bucket);
        live = newOwner();
    }

    /**
     * A zombie's next move: its blocked call goes on, or, once idle, it tries its (refused) commit and then closes
     * as the worker's next poll finds the partitions lost.
     */
    void stepZombie(SimulatedTask zombie) {
        if (zombie.busy()) {
            resume(zombie);
        } else if (!zombie.triedLateCommit) {
            zombie.triedLateCommit = true;
            commit(zombie);
        } else {
            zombie.close();
            drive(zombie);
            zombie.stopThread();
            zombies.remove(zombie);
        }
    }

    void runUpload(SimulatedTask task) {
        if (task.uploads.hasQueued()) {
            trace.add(task.name + " upload thread runs");
            task.runUpload();
            noteFailure(task);
        }
    }

    /** Ends every zombie and lets the owner's blocked call finish; faults are off by now. */
    void settleEverything() {
        for (SimulatedBucket.Delayed effect : bucket.delayed()) {
            bucket.settle(effect, random.nextBoolean());
        }
        for (SimulatedTask zombie : List.copyOf(zombies)) {
            drive(zombie);
            commit(zombie);
            zombie.close();
            drive(zombie);
            zombie.stopThread();
            zombies.remove(zombie);
        }
        drive(live);
    }

    /** Runs the owner's uploads and lets its blocked call finish. */
    void drain() {
        drive(live);
        while (live.uploads.hasQueued()) {
            live.runUpload();
            drive(live);
        }
    }

    void stopAll() {
        for (SimulatedTask task : all) {
            if (task.busy()) {
                task.kill(bucket);
            }
            task.stopThread();
        }
    }

    boolean caughtUp() {
        return !live.busy() && live.caughtUp(log);
    }

    boolean allCommitted() {
        return log.partitions().stream().allMatch(tp -> committed.of(tp) == log.end(tp));
    }

    private void commit(SimulatedTask task) {
        if (task.busy()) {
            return;
        }
        commit(task, task.preCommit());
    }

    private void commit(SimulatedTask task, Map<TopicPartition, Long> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        if (!committed.commit(task.generation, offsets)) {
            trace.add(task.name + " commit " + offsets + " refused: fenced");
            return;
        }
        trace.add(task.name + " commits " + offsets);
        task.committed(offsets);
        offsets.forEach((tp, offset) -> checker.committed(task.name, tp, offset, bucket));
    }

    private void resume(SimulatedTask task) {
        if (task.busy() && !task.resume(random, bucket)) {
            failures.add(task.name + " waits for an upload that was never queued (deadlock)");
        }
        noteFailure(task);
    }

    /** Lets a task's blocked call run to its end, as its upload thread and stalled calls eventually would. */
    private void drive(SimulatedTask task) {
        int rounds = 0;
        while (task.busy()) {
            if (!task.resume(random, bucket) || ++rounds > 10_000) {
                failures.add(task.name + " is stuck: it waits for nothing that can happen");
                task.kill(bucket);
                return;
            }
        }
        noteFailure(task);
    }

    private void noteFailure(SimulatedTask task) {
        if (task.failure() != null && !failures.contains(task.failure())) {
            failures.add(task.failure());
        }
    }

    private SimulatedTask newOwner() {
        int generation = committed.nextGeneration();
        String name = "task-g" + generation;
        Map<TopicPartition, Long> start = new HashMap<>();
        log.partitions().forEach(tp -> start.put(tp, committed.of(tp)));
        trace.add(name + " opens " + start.keySet().size() + " partitions at committed offsets " + start);
        ManualExecutor uploads = new ManualExecutor();
        FaultyObjectStore store = new FaultyObjectStore(bucket, faults, name);
        SimulatedTaskContext context = new SimulatedTaskContext(name, deadLetters);
        PartitionWriters writers = new PartitionWriters(
                setup.dependencies(store, catalog, clock, uploads),
                context,
                (record, problem) -> context.errantRecordReporter().report(record, problem),
                new MemoryBudget(setup.bufferMaxBytes()),
                100);
        SimulatedTask task = new SimulatedTask(name, generation, uploads, store, context, writers, trace, start);
        all.add(task);
        return task;
    }
}
