package io.stocklake.analytics;

import static io.stocklake.analytics.SourceTicks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.source.ticks.Tick;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

/** Final one-minute bars per symbol, on event time with a grace for late ticks. */
class OneMinuteBarsTest {

    /** Sums in another order differ in the last bits. */
    private static final RecursiveComparisonConfiguration CLOSE_DOUBLES = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(
                    (Double a, Double b) ->
                            Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b),
                    Double.class)
            .build();

    private static final long DAY = SourceTicks.DAY.toEpochMilli();
    private static final long MINUTE = 60_000;
    /** The default grace is 10 s: a tick this far past a minute closes it. */
    private static final double CLOSES_MINUTE_0 = 70.5;

    @Test
    void barsEqualAReferenceComputedFromTheSameTicks() {
        List<Tick> ticks = SourceTicks.generated(List.of("AAPL", "MSFT", "KO"), 600, 20, 7);
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.sendAll(ticks);
            closeEverything(app, ticks);

            List<BarRow> expected = ReferenceBars.of(ticks);
            assertThat(expected).hasSizeGreaterThan(50);
            assertThat(sorted(app.bars()))
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void ticksShuffledWithinTheGraceGiveTheSameBars() {
        List<Tick> ticks = new ArrayList<>(SourceTicks.generated(List.of("AAPL", "NVDA"), 400, 10, 11));
        // Each tick moves by at most 4 s, less than the 10 s grace: no tick comes after its minute closed.
        List<Tick> arrival = jitter(ticks, 4_000, new Random(3));
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.sendAll(arrival);
            closeEverything(app, ticks);

            assertThat(sorted(app.bars()))
                    .usingRecursiveFieldByFieldElementComparator(CLOSE_DOUBLES)
                    .containsExactlyElementsOf(ReferenceBars.of(ticks));
            assertThat(app.droppedRecords()).isZero();
        }
    }

    @Test
    void aBarIsWrittenOnlyOnceItsMinuteAndTheGraceHavePassed() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 5, 1, 100.0, 10, 99.9, 100.1));
            app.send(tick("AAPL", 65, 2, 101.0, 10, 100.9, 101.1));
            app.send(tick("AAPL", 69.9, 3, 101.5, 10, 101.4, 101.6));
            assertThat(app.bars()).as("minute 0 is still within its grace").isEmpty();

            app.send(tick("AAPL", CLOSES_MINUTE_0, 4, 102.0, 10, 101.9, 102.1));

            assertThat(app.bars()).singleElement().satisfies(bar -> {
                assertThat(bar.windowStart()).isEqualTo(DAY);
                assertThat(bar.tradeCount()).isEqualTo(1);
            });
        }
    }

    @Test
    void eachBarIsWrittenExactlyOnce() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            for (int second = 0; second < 600; second += 3) {
                app.send(tick("AAPL", second, second + 1, 100.0 + second / 100.0, 10, 99.0, 101.0));
            }
            app.send(tick("AAPL", 2_000, 1_000, 100.0, 10, 99.0, 101.0));

            List<BarRow> bars = app.bars();
            assertThat(bars)
                    .extracting(BarRow::windowStart)
                    .containsExactly(
                            DAY,
                            DAY + MINUTE,
                            DAY + 2 * MINUTE,
                            DAY + 3 * MINUTE,
                            DAY + 4 * MINUTE,
                            DAY + 5 * MINUTE,
                            DAY + 6 * MINUTE,
                            DAY + 7 * MINUTE,
                            DAY + 8 * MINUTE,
                            DAY + 9 * MINUTE);
            assertThat(bars).extracting(BarRow::tradeCount).containsOnly(20L);
            app.send(tick("AAPL", 3_000, 1_001, 100.0, 10, 99.0, 101.0));
            assertThat(app.bars()).extracting(BarRow::windowStart).containsExactly(DAY + 2_000 / 60 * MINUTE);
        }
    }

    @Test
    void aLateTickInsideTheGraceAmendsTheBar() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 10, 2, 100.0, 10, 99.9, 100.1));
            app.send(tick("AAPL", 50, 3, 100.5, 10, 100.4, 100.6));
            app.send(tick("AAPL", 65, 5, 101.0, 10, 100.9, 101.1));
            // Stream time is 65 s: minute 0 ended 5 s ago, its grace runs to 70 s.
            app.send(tick("AAPL", 2, 1, 98.0, 30, 97.5, 98.5));
            app.send(tick("AAPL", 59.5, 4, 103.0, 20, 102.9, 103.1));
            app.send(tick("AAPL", CLOSES_MINUTE_0, 6, 101.0, 10, 100.9, 101.1));

            BarRow bar = app.bars().get(0);
            assertThat(bar.open()).as("the late tick is the minute's first").isEqualTo(98.0);
            assertThat(bar.close()).as("the late tick is the minute's last").isEqualTo(103.0);
            assertThat(bar.low()).isEqualTo(98.0);
            assertThat(bar.high()).isEqualTo(103.0);
            assertThat(bar.tradeCount()).isEqualTo(4);
            assertThat(bar.volume()).isEqualTo(70);
            assertThat(app.droppedRecords()).isZero();
        }
    }

    @Test
    void aTickAfterTheGraceIsDroppedAndCounted() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 10, 1, 100.0, 10, 99.9, 100.1));
            app.send(tick("AAPL", CLOSES_MINUTE_0, 2, 101.0, 10, 100.9, 101.1));
            assertThat(app.bars())
                    .singleElement()
                    .extracting(BarRow::tradeCount)
                    .isEqualTo(1L);

            app.send(tick("AAPL", 30, 3, 150.0, 10, 149.9, 150.1));
            app.send(tick("AAPL", 200, 4, 101.0, 10, 100.9, 101.1));

            assertThat(app.bars())
                    .as("minute 1 only; minute 0 is not written again")
                    .extracting(BarRow::windowStart)
                    .containsExactly(DAY + MINUTE);
            assertThat(app.droppedRecords()).isEqualTo(1.0);
        }
    }

    @Test
    void eachSymbolHasItsOwnBars() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 1, 1, 100.0, 10, 99.9, 100.1));
            app.send(tick("MSFT", 2, 1, 400.0, 5, 399.9, 400.1));
            app.send(tick("AAPL", 3, 2, 100.2, 30, 100.1, 100.3));
            app.send(tick("AAPL", 100, 3, 100.0, 10, 99.9, 100.1));
            app.send(tick("MSFT", 100, 2, 400.0, 5, 399.9, 400.1));

            assertThat(app.bars())
                    .extracting(BarRow::symbol, BarRow::volume, BarRow::tradeCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("AAPL", 40L, 2L),
                            org.assertj.core.groups.Tuple.tuple("MSFT", 5L, 1L));
        }
    }

    @Test
    void aBarHasVwapAndSpreadStatistics() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 1, 1, 100.0, 100, 99.98, 100.02));
            app.send(tick("AAPL", 2, 2, 101.0, 300, 100.95, 101.05));
            app.send(tick("AAPL", CLOSES_MINUTE_0, 3, 101.0, 1, 100.9, 101.1));

            BarRow bar = app.bars().get(0);
            assertThat(bar.vwap()).isCloseTo((100.0 * 100 + 101.0 * 300) / 400, within());
            assertThat(bar.spreadMin()).isCloseTo(0.04, within());
            assertThat(bar.spreadMax()).isCloseTo(0.10, within());
            assertThat(bar.spreadAvg()).isCloseTo(0.07, within());
        }
    }

    @Test
    void aBarIsKeyedBySymbolAndStampedWithItsMinuteForTheSinksTimePartitions() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 3_601, 1, 100.0, 10, 99.9, 100.1));
            app.send(tick("AAPL", 3_700, 2, 100.0, 10, 99.9, 100.1));

            TestRecord<String, BarRow> record = app.barRecords().get(0);
            assertThat(record.key()).isEqualTo("AAPL");
            assertThat(record.timestamp())
                    .isEqualTo(DAY + 60 * MINUTE)
                    .isEqualTo(record.value().windowStart());
        }
    }

    @Test
    void theGraceComesFromTheConfiguration() {
        try (AnalyticsDriver app = AnalyticsDriver.start(Map.of("bars.grace.ms", "0"))) {
            app.send(tick("AAPL", 10, 1, 100.0, 10, 99.9, 100.1));
            app.send(tick("AAPL", 60, 2, 101.0, 10, 100.9, 101.1));

            assertThat(app.bars())
                    .singleElement()
                    .extracting(BarRow::windowStart)
                    .isEqualTo(DAY);
        }
    }

    @Test
    void ticksWithoutTheEmbeddedSchemaAreReadAlike() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            Tick first = tick("AAPL", 10, 1, 100.0, 10, 99.9, 100.1);
            Tick second = tick("AAPL", 100, 2, 101.0, 10, 100.9, 101.1);
            app.send(first.symbol(), SourceTicks.payloadOnly(first), first.eventTimeMillis());
            app.send(second.symbol(), SourceTicks.payloadOnly(second), second.eventTimeMillis());

            assertThat(app.bars())
                    .singleElement()
                    .usingRecursiveComparison(CLOSE_DOUBLES)
                    .isEqualTo(ReferenceBars.of(List.of(first)).get(0));
        }
    }

    /** Sends one tick per symbol far enough past the last tick to close every minute; the reference skips them. */
    private static void closeEverything(AnalyticsDriver app, List<Tick> ticks) {
        long last = ticks.stream().mapToLong(Tick::eventTimeMillis).max().orElseThrow();
        for (String symbol : ticks.stream().map(Tick::symbol).distinct().toList()) {
            app.send(new Tick(symbol, "XNAS", last + 10 * MINUTE, 1_000_000, 1.0, 1, 0.9, 1.1, 1, 1, 1));
        }
    }

    private static List<BarRow> sorted(List<BarRow> bars) {
        return bars.stream()
                .sorted(Comparator.comparing(BarRow::symbol).thenComparingLong(BarRow::windowStart))
                .toList();
    }

    /** The ticks in an arrival order where each may move by up to {@code maxMillis} of event time. */
    private static List<Tick> jitter(List<Tick> ticks, long maxMillis, Random random) {
        List<Map.Entry<Long, Tick>> keyed = new ArrayList<>();
        for (Tick t : ticks) {
            keyed.add(Map.entry(t.eventTimeMillis() + (long) (random.nextDouble() * maxMillis), t));
        }
        Collections.shuffle(keyed, random);
        keyed.sort(Map.Entry.comparingByKey());
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
