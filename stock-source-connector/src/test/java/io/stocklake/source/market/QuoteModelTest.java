package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteModelTest {

    private final QuoteModel model = new QuoteModel(5);

    @ParameterizedTest
    @ValueSource(doubles = {0.0003, 0.0712, 0.99995, 1.0, 1.00004, 1.004, 63.2, 230.004, 4999.999})
    void quotesAreOnTheGridAroundTheMidAndTradesInsideThem(double mid) {
        for (int seq = 0; seq < 2_000; seq++) {
            CounterRandom random = CounterRandom.of(11, "X", seq, 1);
            Quote quote = model.quote(mid, random);
            long trade = model.tradePrice(quote, random);

            assertThat(PriceGrid.isOnGrid(quote.bidUnits())).as("bid %s", quote).isTrue();
            assertThat(PriceGrid.isOnGrid(quote.askUnits())).as("ask %s", quote).isTrue();
            assertThat(PriceGrid.isOnGrid(trade)).as("trade %d", trade).isTrue();
            assertThat(quote.bidUnits()).isLessThan(quote.askUnits());
            assertThat(trade).isBetween(quote.bidUnits(), quote.askUnits());
            assertThat(PriceGrid.toDollars(quote.bidUnits())).isLessThanOrEqualTo(Math.max(mid, 0.0001));
            assertThat(PriceGrid.toDollars(quote.askUnits())).isGreaterThanOrEqualTo(mid);
            assertThat(quote.bidSize()).isPositive().matches(size -> size % 100 == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 230.0})
    void aZeroTargetSpreadStillLeavesOneTick(double mid) {
        Quote quote = new QuoteModel(0).quote(mid, CounterRandom.of(1, "X", 1, 1));

        assertThat(quote.askUnits() - quote.bidUnits()).isEqualTo(PriceGrid.tickAt(quote.bidUnits()));
    }
}
