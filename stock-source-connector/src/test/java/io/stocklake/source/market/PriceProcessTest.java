package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceProcessTest {

    private static double[] logReturns(PriceProcess process, double volatility, double dtYears, int n) {
        double[] returns = new double[n];
        for (int seq = 0; seq < n; seq++) {
            returns[seq] = Math.log(process.evolve(100, volatility, dtYears, CounterRandom.of(5, "X", seq, 1)) / 100);
        }
        return returns;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / values.length;
    }

    @Test
    void noTradingTimeMeansNoMove() {
        PriceProcess process = new PriceProcess(0.07, 5, 0.1);

        assertThat(process.evolve(123.45, 0.3, 0, CounterRandom.of(1, "X", 1, 1)))
                .isEqualTo(123.45);
    }

    @Test
    void logReturnsHaveTheVarianceOfTheVolatility() {
        double dt = 1.0 / 252;

        double[] returns = logReturns(new PriceProcess(0, 0, 0), 0.3, dt, 100_000);

        assertThat(variance(returns)).isCloseTo(0.09 * dt, within(0.09 * dt * 0.02));
    }

    @Test
    void thePriceDriftsAtTheConfiguredRate() {
        double dt = 1.0;

        double[] returns = logReturns(new PriceProcess(0.07, 0, 0), 0.3, dt, 100_000);

        // E[log return] = (mu - sigma^2 / 2) dt, standard error 0.3 / sqrt(100000).
        assertThat(mean(returns)).isCloseTo(0.07 - 0.045, within(0.005));
    }

    @Test
    void jumpsAddTheirVariance() {
        double dt = 0.01;
        double withoutJumps = variance(logReturns(new PriceProcess(0, 0, 0), 0.2, dt, 100_000));

        double withJumps = variance(logReturns(new PriceProcess(0, 20, 0.05), 0.2, dt, 100_000));

        // Jumps arrive with probability 1 - exp(-lambda dt) = 0.18 and add 0.05^2 each.
        assertThat(withJumps - withoutJumps).isCloseTo(0.181 * 0.0025, within(0.00005));
    }

    @Test
    void thePriceStaysPositive() {
        PriceProcess process = new PriceProcess(-1, 0, 0);

        assertThat(process.evolve(0.0002, 3, 50, CounterRandom.of(1, "X", 1, 1)))
                .isPositive();
    }
}
