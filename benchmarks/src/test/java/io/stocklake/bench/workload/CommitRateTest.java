package io.stocklake.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.Throughput;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class CommitRateTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void theRateRunsFromTheFirstCommitToTheFirstAtOrPastNinetyPercent() {
        Throughput rate =
                new CommitRate(false).await("app", commits(0, 100, 500, 950, 1000), () -> {}, () -> "", 1000, TIMEOUT);

        assertThat(rate.records()).isEqualTo(850);
        assertThat(rate.seconds()).isPositive();
    }

    @Test
    void theCpuTimeIsTakenOverTheSameSpanAsTheRate() {
        // Read at the start of the wait, then with every sample of the commits.
        LongSupplier cpuNanos = commits(0, 1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_500_000_000L);

        Throughput rate = new CommitRate(false, cpuNanos)
                .await("app", commits(0, 100, 500, 950), () -> {}, () -> "", 1000, TIMEOUT);

        assertThat(rate.cpuSeconds()).isEqualTo(2.5);
        assertThat(rate.cpuSecondsPerMillion()).isEqualTo(2.5 / 850 * 1e6);
    }

    @Test
    void withoutACpuClockTheCpuTimeIsNotANumber() {
        Throughput rate = new CommitRate(false).await("app", commits(0, 100, 950), () -> {}, () -> "", 1000, TIMEOUT);

        assertThat(rate.cpuSeconds()).isNaN();
    }

    @Test
    void aTopicCommittedInOneGoCannotBeMeasured() {
        assertThatThrownBy(
                        () -> new CommitRate(false).await("app", commits(0, 1000), () -> {}, () -> "", 1000, TIMEOUT))
                .hasMessageContaining("app committed 1000 of 1000 records at its first commit");
    }

    @Test
    void aSmokeRunTakesATopicCommittedInOneGoFromTheWaitsStart() {
        Throughput rate = new CommitRate(true).await("app", commits(0, 1000), () -> {}, () -> "", 1000, TIMEOUT);

        assertThat(rate.records()).isEqualTo(1000);
    }

    @Test
    void aFailureReportedByTheHealthCheckEndsTheWait() {
        assertThatThrownBy(() -> new CommitRate(false)
                        .await(
                                "app",
                                () -> 0,
                                () -> {
                                    throw new IllegalStateException("app failed");
                                },
                                () -> "",
                                1000,
                                TIMEOUT))
                .hasMessage("app failed");
    }

    @Test
    void theTimeoutNamesWhatCommitsAndItsState() {
        assertThatThrownBy(() -> new CommitRate(false)
                        .await("app", () -> 10, () -> {}, () -> "state RUNNING", 1000, Duration.ofMillis(200)))
                .hasMessageContaining("app did not commit 900 of 1000 records")
                .hasMessageEndingWith("; state RUNNING");
    }

    /** The committed sums of successive samples; the last one repeats. */
    private static LongSupplier commits(long... sums) {
        Iterator<Long> values = Arrays.stream(sums).boxed().toList().iterator();
        long[] last = {0};
        return () -> {
            if (values.hasNext()) {
                last[0] = values.next();
            }
            return last[0];
        };
    }
}
