package io.stocklake.sink.simulation;

import io.stocklake.sink.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs one seed: builds the world from it, interleaves the task's calls, its uploads, the clock, faults,
 * rebalances, zombies and crashes as the seed's random source picks them, then a quiet drain, checking the
 * lake's promises throughout. The same seed always takes the same path.
 */
final class Scheduler {

    /** What one run found. */
    record Outcome(
            long seed,
            SimulationSetup setup,
            List<String> violations,
            List<String> duplicates,
            String trace,
            int steps,
            int repeatedDeadLetters) {
        boolean failed() {
            return !violations.isEmpty() || !duplicates.isEmpty();
        }

        /** The first broken promise, losses and stuck tasks before duplicates. */
        String first() {
            return violations.isEmpty() ? duplicates.get(0) : violations.get(0);
        }
    }

    private static final int DRAIN_ROUNDS = 200;

    private final long seed;
    private final Random random;
    private final SimulationSetup setup;
    private final Trace trace;
    private final Faults faults;
    private final MutableClock clock = new MutableClock(RecordLog.T0.plusSeconds(30));
    private final SimulatedBucket bucket;
    private final FaultyCatalog catalog;
    private final RecordLog log;
    private final LakeChecker checker;
    private final DeadLetterQueue deadLetters = new DeadLetterQueue();
    private final SimulatedWorker worker;

    Scheduler(long seed, java.util.Set<Hazard> hazards, boolean verbose) {
        this.seed = seed;
        this.random = new Random(seed);
        this.setup = SimulationSetup.from(random, hazards);
        this.trace = new Trace(verbose);
        trace.add("setup " + setup);
        this.faults = new Faults(random, setup.failRate(), setup.stallRate());
        this.bucket = new SimulatedBucket(trace);
        this.catalog = new FaultyCatalog(faults, trace);
        this.log = new RecordLog(random, setup.partitions(), setup.recordsPerPartition(), setup.badRate());
        this.checker = new LakeChecker(log, catalog, SimulationSetup.BUCKET, trace);
        bucket.listen(checker);
        this.worker =
                new SimulatedWorker(setup, log, bucket, catalog, faults, clock, checker, deadLetters, trace, random);
    }

    Outcome run() {
        int step = 0;
        try {
            for (; step < setup.steps() && clean(); step++) {
                trace.step(step);
                act();
            }
            trace.step(step);
            if (clean()) {
                quietDrain();
            }
            if (clean()) {
                checker.finalChecks(worker.committed(), deadLetters, setup.has(Hazard.CATALOG_DROPS));
            }
        } finally {
            worker.stopAll();
        }
        List<String> violations = new ArrayList<>(worker.failures());
        violations.addAll(checker.violations());
        List<String> duplicates = new ArrayList<>(checker.duplicates());
        if (deadLetters.repeatedByOneTask() > 0) {
            duplicates.add("(5) " + deadLetters.repeatedByOneTask() + " bad records reached the dead letter queue "
                    + "again from the task that had reported them");
        }
        return new Outcome(seed, setup, violations, duplicates, trace.tail(120), step, deadLetters.repeatedByOneTask());
    }

    private boolean clean() {
        return checker.violations().isEmpty() && worker.failures().isEmpty();
    }

    private void act() {
        SimulatedTask live = worker.live();
        int pick = random.nextInt(100);
        if (pick < 35) {
            if (live.busy()) {
                worker.resumeLive();
            } else {
                worker.poll(setup.maxPollRecords());
            }
        } else if (pick < 50) {
            worker.runUpload(live);
        } else if (pick < 60) {
            Duration tick = Duration.ofMillis(1 + random.nextInt((int) setup.scheduleMs()));
            if (setup.has(Hazard.EARLY_CUTS)) {
                clock.advance(tick);
                trace.add("clock +" + tick.toMillis() + " ms");
            }
            if (!live.busy()) {
                worker.poll(0);
            }
        } else if (pick < 70) {
            if (!live.busy()) {
                worker.commit();
            }
        } else if (pick < 80) {
            if (!worker.zombies().isEmpty()) {
                SimulatedTask zombie =
                        worker.zombies().get(random.nextInt(worker.zombies().size()));
                if (random.nextBoolean()) {
                    worker.runUpload(zombie);
                } else {
                    worker.stepZombie(zombie);
                }
            }
        } else if (pick < 86) {
            List<SimulatedBucket.Delayed> delayed = bucket.delayed();
            if (!delayed.isEmpty()) {
                bucket.settle(delayed.get(random.nextInt(delayed.size())), random.nextBoolean());
            }
        } else if (pick < 89) {
            if (!live.busy() && setup.has(Hazard.REBALANCES)) {
                worker.rebalance();
            }
        } else if (pick < 92) {
            if (setup.has(Hazard.ZOMBIES)) {
                worker.evict();
            }
        } else if (pick < 94) {
            if (setup.has(Hazard.CRASHES)) {
                worker.crash();
            }
        } else if (pick < 95) {
            if (setup.has(Hazard.CATALOG_DROPS)) {
                catalog.dropFromOutside(random);
            }
        } else {
            if (live.busy()) {
                worker.resumeLive();
            }
        }
    }

    /** No more faults: everything stalled ends, zombies go, and the owner writes and commits all. */
    private void quietDrain() {
        trace.add("quiet drain");
        faults.disable();
        worker.settleEverything();
        for (int round = 0; round < DRAIN_ROUNDS && clean() && !worker.allCommitted(); round++) {
            trace.step(setup.steps() + round);
            worker.poll(1_000);
            worker.drain();
            if (worker.caughtUp()) {
                // Only at the log's end, where every writer would cut: the schedule closes the last files.
                clock.advance(Duration.ofMillis(setup.scheduleMs()));
                worker.poll(0);
                worker.drain();
            }
            worker.commit();
        }
        if (clean() && !worker.allCommitted()) {
            worker.failures().add("the drain did not commit everything within " + DRAIN_ROUNDS + " rounds");
        }
    }
}
