package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TradeSizeModelTest {

    private final int[] sizes = IntStream.range(0, 100_000)
            .map(seq -> new TradeSizeModel().sample(CounterRandom.of(3, "X", seq, 1)))
            .toArray();

    private double share(java.util.function.IntPredicate predicate) {
        return IntStream.of(sizes).filter(predicate).count() / (double) sizes.length;
    }

    @Test
    void everyTradeIsAtLeastOneShare() {
        assertThat(IntStream.of(sizes).min().orElseThrow()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void mostTradesAreRoundLotsAndSeventyPercentAreOneHundredShares() {
        assertThat(share(size -> size == 100)).isCloseTo(0.70, within(0.01));
        assertThat(share(size -> size % 100 == 0)).isBetween(0.80, 0.82);
    }

    @Test
    void aboutOneTradeInSixIsAnOddLot() {
        // 20% log-normal(2.9, 1.2), of which P(size < 100) = Phi((ln 100 - 2.9) / 1.2) = 0.92.
        assertThat(share(size -> size < 100)).isCloseTo(0.184, within(0.01));
    }

    @Test
    void theTailReachesBeyondTheLargestRoundLot() {
        assertThat(IntStream.of(sizes).max().orElseThrow()).isGreaterThan(1_000);
    }
}
