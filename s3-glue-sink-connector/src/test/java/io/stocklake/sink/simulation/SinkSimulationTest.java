package io.stocklake.sink.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sink's writing and committing under a seeded simulation: real writers, format and router against a bucket,
 * catalog and Connect worker that fail, stall, rebalance, leave zombies behind and crash. Each seed is one run;
 * a failing seed prints the command that replays it.
 *
 * <p>{@code -Dsimulation.seed=N} replays one seed with its trace; {@code -Dsimulation.seeds=N} and {@code
 * -Dsimulation.seconds=S} set a longer soak; {@code -Dsimulation.firstSeed=N} moves the window of seeds.
 */
class SinkSimulationTest {

    private static final int DEFAULT_SEEDS = 2_000;

    @Test
    void everyRecordLandsOnceAndNoCommitRunsAheadOfTheLake() {
        String single = System.getProperty("simulation.seed");
        if (single != null) {
            Scheduler.Outcome outcome = new Scheduler(Long.parseLong(single), hazards(), true).run();
            assertThat(outcome.violations()).as(report(outcome)).isEmpty();
            return;
        }
        long first = Long.getLong("simulation.firstSeed", 1L);
        long seeds = Long.getLong("simulation.seeds", DEFAULT_SEEDS);
        long budgetMs = Long.getLong("simulation.seconds", Long.MAX_VALUE / 1000) * 1000;
        long started = System.currentTimeMillis();
        List<Scheduler.Outcome> failed = new ArrayList<>();
        long runs = 0;
        long repeatedDeadLetters = 0;
        for (long seed = first; seed < first + seeds && System.currentTimeMillis() - started < budgetMs; seed++) {
            Scheduler.Outcome outcome = new Scheduler(seed, hazards(), false).run();
            runs++;
            repeatedDeadLetters += outcome.repeatedDeadLetters();
            if (outcome.failed()) {
                failed.add(outcome);
                System.out.println("seed " + seed + " FAILED: " + outcome.violations().get(0) + "\n  " + rerun(seed));
            }
        }
        long elapsed = System.currentTimeMillis() - started;
        System.out.printf("simulation: %d seeds in %d ms (%.0f seeds/s), %d failed; bad records reported again by "
                + "the same task: %d%n", runs, elapsed, runs * 1000.0 / Math.max(1, elapsed), failed.size(),
                repeatedDeadLetters);
        assertThat(failed).as(() -> failed.isEmpty() ? "" : report(failed.get(0))).isEmpty();
    }

    private static java.util.Set<Hazard> hazards() {
        return Hazard.parse(System.getProperty("simulation.without"), Boolean.getBoolean("simulation.catalogDrops"));
    }

    private static String rerun(long seed) {
        return "./mvnw -pl s3-glue-sink-connector test -Dtest=SinkSimulationTest -Dsimulation.seed=" + seed
                + (Boolean.getBoolean("simulation.catalogDrops") ? " -Dsimulation.catalogDrops=true" : "")
                + (System.getProperty("simulation.without") == null ? ""
                        : " -Dsimulation.without=" + System.getProperty("simulation.without"));
    }

    private static String report(Scheduler.Outcome outcome) {
        return "seed " + outcome.seed() + " after " + outcome.steps() + " steps: " + outcome.violations()
                + "\nreproduce: " + rerun(outcome.seed()) + "\n" + outcome.setup() + "\nlast events:\n"
                + outcome.trace();
    }
}
