package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectorStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void ratesComeFromTheDifferenceToThePreviousReading() {
        MutableClock clock = new MutableClock(T0);
        Deque<PipelineStatus> readings =
                new ArrayDeque<>(List.of(status(1000, 800, 4096, 1, List.of()), status(1100, 900, 8192, 1, List.of())));
        PipelineMonitor monitor =
                new PipelineMonitor(readings::removeFirst, () -> null, clock, Duration.ofSeconds(5), 10, "worker.log");

        monitor.sample();
        clock.now = T0.plusSeconds(5);
        monitor.sample();

        PipelineView view = monitor.view();
        assertThat(view.ticksPerSecond()).isEqualTo(20.0);
        assertThat(view.recordsPerSecond()).isEqualTo(20.0);
        assertThat(view.bytesPerSecond()).isEqualTo(4096 / 5.0);
        assertThat(view.lag()).isEqualTo(200);
    }

    @Test
    void freshnessIsTheWallClockMinusTheNewestQueryableEvent() {
        MutableClock clock = new MutableClock(T0);
        PipelineMonitor monitor = new PipelineMonitor(
                () -> status(10, 10, 1, 1, List.of()),
                () -> T0.minusSeconds(7),
                clock,
                Duration.ofSeconds(5),
                10,
                "worker.log");

        monitor.sample();

        assertThat(monitor.view().freshness().latestSeconds()).isEqualTo(7.0);
        assertThat(monitor.view().freshness().samples()).isEqualTo(1);
    }

    @Test
    void noFreshnessSampleBeforeTheTableHasAPartition() {
        PipelineMonitor monitor = new PipelineMonitor(
                () -> status(10, 0, 0, -1, List.of()),
                () -> {
                    throw new AssertionError("queried before the table exists");
                },
                new MutableClock(T0),
                Duration.ofSeconds(5),
                10,
                "worker.log");

        monitor.sample();

        assertThat(monitor.view().freshness().samples()).isZero();
        assertThat(monitor.view().errors()).isEmpty();
    }

    @Test
    void aFailedTaskBecomesAnErrorPointingAtTheWorkerLogOnce() {
        ConnectorStatus failed = new ConnectorStatus(
                "sink",
                "RUNNING",
                "w",
                null,
                List.of(new ConnectorStatus.TaskStatus(0, "FAILED", "w", "java.io.IOException: boom\n\tat x")));
        PipelineMonitor monitor = new PipelineMonitor(
                () -> status(1, 1, 1, 1, List.of(failed)),
                () -> null,
                new MutableClock(T0),
                Duration.ofSeconds(5),
                10,
                "worker.log");

        monitor.sample();
        monitor.sample();

        assertThat(monitor.view().errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("sink");
            assertThat(e.message()).isEqualTo("task 0: java.io.IOException: boom");
            assertThat(e.where()).isEqualTo("worker.log");
        });
    }

    private static PipelineStatus status(
            long produced, long committed, long bytes, long partitions, List<ConnectorStatus> connectors) {
        return new PipelineStatus(produced, committed, 1, bytes, partitions, CompactionFigures.NONE, connectors);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
