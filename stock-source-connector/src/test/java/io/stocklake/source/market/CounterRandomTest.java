package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CounterRandomTest {

    @Test
    void theSameCoordinatesGiveTheSameDraws() {
        CounterRandom first = CounterRandom.of(7, "AAPL", 42, 1);
        CounterRandom second = CounterRandom.of(7, "AAPL", 42, 1);

        for (int i = 0; i < 10; i++) {
            assertThat(second.nextLong()).isEqualTo(first.nextLong());
        }
    }

    @Test
    void everyCoordinateChangesTheDraws() {
        long base = CounterRandom.of(7, "AAPL", 42, 1).nextLong();

        assertThat(CounterRandom.of(8, "AAPL", 42, 1).nextLong()).isNotEqualTo(base);
        assertThat(CounterRandom.of(7, "MSFT", 42, 1).nextLong()).isNotEqualTo(base);
        assertThat(CounterRandom.of(7, "AAPL", 43, 1).nextLong()).isNotEqualTo(base);
        assertThat(CounterRandom.of(7, "AAPL", 42, 2).nextLong()).isNotEqualTo(base);
    }

    @Test
    void uniformDrawsStayInTheirIntervals() {
        CounterRandom random = CounterRandom.of(1, "X", 1, 1);
        for (int i = 0; i < 100_000; i++) {
            assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(random.nextOpenDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void gaussianDrawsAcrossSeqsAreStandardNormal() {
        int n = 200_000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int seq = 0; seq < n; seq++) {
            double z = CounterRandom.of(1, "X", seq, 1).nextGaussian();
            sum += z;
            sumOfSquares += z * z;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sumOfSquares / n).isCloseTo(1, within(0.02));
    }

    @Test
    void exponentialDrawsHaveMeanOne() {
        int n = 200_000;
        double sum = 0;
        for (int seq = 0; seq < n; seq++) {
            sum += CounterRandom.of(1, "X", seq, 2).nextExponential();
        }
        assertThat(sum / n).isCloseTo(1, within(0.01));
    }
}
