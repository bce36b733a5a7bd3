package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress =
            new Progress("sink", new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);

    @Test
    void aPhaseBeforeTheFirstRunNamesTheBenchmarkAndTheTimeSoFar() {
        clock.addAndGet(Duration.ofSeconds(7).toNanos());
        progress.phase("starting the stack");
        assertThat(lines()).containsExactly("[sink 0:07] starting the stack");
    }

    @Test
    void runZeroIsTheWarmUp() {
        progress.run(0, 5);
        progress.phase("JSON lines");
        assertThat(lines()).containsExactly("[sink 0:00] warm-up", "[sink 0:00] warm-up: JSON lines");
    }

    @Test
    void phasesOfARunNameTheRunAndHowManyThereAre() {
        progress.run(2, 5);
        clock.addAndGet(Duration.ofSeconds(185).toNanos());
        progress.phase("Parquet (snappy)");
        assertThat(lines()).containsExactly("[sink 0:00] run 2/5", "[sink 3:05] run 2/5: Parquet (snappy)");
    }

    @Test
    void resultsCarryTheSamePrefix() {
        progress.run(1, 1);
        progress.result("12,345 records/s");
        assertThat(lines()).endsWith("[sink 0:00] run 1/1: 12,345 records/s");
    }

    @Test
    void doneNamesNoRun() {
        progress.run(3, 3);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        progress.done();
        assertThat(lines()).endsWith("[sink 1:01] done");
    }

    @Test
    void anHourOrMoreShowsHours() {
        assertThat(Progress.elapsed(Duration.ofSeconds(3599))).isEqualTo("59:59");
        assertThat(Progress.elapsed(Duration.ofSeconds(3600 + 62))).isEqualTo("1:01:02");
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
}
