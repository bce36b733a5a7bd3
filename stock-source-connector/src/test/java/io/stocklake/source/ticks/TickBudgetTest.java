package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickBudgetTest {

    @ParameterizedTest
    @CsvSource({"1000, 20", "1003, 20", "7, 20", "1, 1", "999999999, 7"})
    void theSharesAddUpToTheTotalAndDifferByAtMostOne(long maxTicks, int symbols) {
        TickBudget budget = new TickBudget(maxTicks, symbols);
        long[] shares = IntStream.range(0, symbols).mapToLong(budget::lastSeq).toArray();

        assertThat(java.util.Arrays.stream(shares).sum()).isEqualTo(maxTicks);
        assertThat(java.util.Arrays.stream(shares).max().orElseThrow()
                        - java.util.Arrays.stream(shares).min().orElseThrow())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void zeroMeansUnbounded() {
        assertThat(new TickBudget(0, 3).lastSeq(2)).isEqualTo(Long.MAX_VALUE);
    }
}
