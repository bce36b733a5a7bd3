package io.stocklake.sink.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The sink's writing and committing under a seeded simulation: the real partition writers, format and router
 * against a bucket, catalog and Connect worker that fail, stall, rebalance, leave zombies behind and crash. Each
 * seed is one run and always takes the same path; a failing seed prints the command that replays it with its
 * trace.
 *
 * <p>Settings: {@code -Dsimulation.seed=N} replays one seed with its trace ({@code -Dsimulation.without=...}
 * leaves hazards out of it); {@code -Dsimulation.seeds=N} runs N seeds per test instead of the default, {@code
 * -Dsimulation.seconds=S} stops each test after S seconds, {@code -Dsimulation.firstSeed=N} moves the window;
 * {@code -Dsimulation.catalogDrops=true} lets someone drop tables and partitions outside the sink.
 */
class SinkSimulationTest {

    /**
     * Failures at every call, stalls, uploads completing in any order, rebalances, zombies acting late, crashes and
     * every rotation trigger, early cuts (schedule, memory) among them: every record lands in exactly one object,
     * no commit runs ahead of uploaded and registered data, and no object changes after its offsets committed.
     */
    @Test
    void everyRecordLandsExactlyOnceAndNoCommitRunsAheadOfTheLake() {
        simulate(
                "everyRecordLandsExactlyOnceAndNoCommitRunsAheadOfTheLake",
                Hazard.parse(null, Boolean.getBoolean("simulation.catalogDrops")),
                2_000,
                Scheduler.Outcome::failed);
    }

    private static void simulate(
            String test, Set<Hazard> hazards, long defaultSeeds, Predicate<Scheduler.Outcome> fails) {
        String single = System.getProperty("simulation.seed");
        if (single != null) {
            Set<Hazard> chosen = chosen(hazards);
            Scheduler.Outcome outcome = new Scheduler(Long.parseLong(single), chosen, true).run();
            assertThat(fails.test(outcome))
                    .as(() -> report(test, outcome, chosen))
                    .isFalse();
            return;
        }
        long first = Long.getLong("simulation.firstSeed", 1L);
        long seeds = Long.getLong("simulation.seeds", defaultSeeds);
        long budgetMs = Long.getLong("simulation.seconds", Long.MAX_VALUE / 1000) * 1000;
        long started = System.currentTimeMillis();
        List<Scheduler.Outcome> failed = new ArrayList<>();
        int duplicated = 0;
        long runs = 0;
        for (long seed = first; seed < first + seeds && System.currentTimeMillis() - started < budgetMs; seed++) {
            Scheduler.Outcome outcome = new Scheduler(seed, hazards, false).run();
            runs++;
            if (fails.test(outcome)) {
                failed.add(outcome);
                System.out.println(
                        "seed " + seed + " FAILED: " + outcome.first() + "\n  " + rerun(test, seed, hazards));
            } else if (outcome.failed()) {
                duplicated++;
            }
        }
        long elapsed = System.currentTimeMillis() - started;
        System.out.printf(
                "simulation %s: %d seeds in %d ms (%.0f seeds/s), %d failed, %d more wrote records twice%n",
                hazards, runs, elapsed, runs * 1000.0 / Math.max(1, elapsed), failed.size(), duplicated);
        assertThat(failed)
                .as(() -> failed.isEmpty() ? "" : report(test, failed.get(0), hazards))
                .isEmpty();
    }

    /** A replayed seed runs with the hazards of the test, less those {@code simulation.without} names. */
    private static Set<Hazard> chosen(Set<Hazard> hazards) {
        Set<Hazard> chosen = EnumSet.copyOf(hazards);
        chosen.retainAll(
                Hazard.parse(System.getProperty("simulation.without"), Boolean.getBoolean("simulation.catalogDrops")));
        return chosen;
    }

    private static String rerun(String test, long seed, Set<Hazard> hazards) {
        Set<Hazard> without = EnumSet.complementOf(EnumSet.copyOf(hazards));
        without.remove(Hazard.CATALOG_DROPS);
        StringBuilder command = new StringBuilder("./mvnw -pl s3-glue-sink-connector -am test "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dtest=SinkSimulationTest#" + test + " -Dsimulation.seed="
                + seed);
        if (!without.isEmpty()) {
            command.append(" -Dsimulation.without=")
                    .append(String.join(
                            ",",
                            without.stream()
                                    .map(h -> h.name().toLowerCase(Locale.ROOT))
                                    .toList()));
        }
        if (hazards.contains(Hazard.CATALOG_DROPS)) {
            command.append(" -Dsimulation.catalogDrops=true");
        }
        return command.toString();
    }

    private static String report(String test, Scheduler.Outcome outcome, Set<Hazard> hazards) {
        return "seed " + outcome.seed() + " after " + outcome.steps() + " steps: " + outcome.violations()
                + outcome.duplicates() + "\nreproduce: " + rerun(test, outcome.seed(), hazards) + "\n" + outcome.setup()
                + "\nlast events:\n" + outcome.trace();
    }
}
