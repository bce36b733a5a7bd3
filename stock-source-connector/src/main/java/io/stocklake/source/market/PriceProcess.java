package io.stocklake.source.market;

/**
 * Geometric Brownian motion of the efficient (mid) price in trading time, with optional Merton jumps.
 *
 * <p>Over {@code dt} years of trading time: {@code log S += (mu - sigma^2/2 - lambda*k) dt + sigma sqrt(dt) Z
 * + sum of N ~ Poisson(lambda dt) jumps ~ Normal(0, jumpStddev)}, where {@code k = E[e^J] - 1} keeps the drift
 * of the price itself at {@code mu}.
 *
 * @param drift          annual drift {@code mu}
 * @param jumpsPerYear   jump intensity {@code lambda}; 0 disables jumps
 * @param jumpStddev     standard deviation of one jump's log size
 */
public record PriceProcess(double drift, double jumpsPerYear, double jumpStddev) {

    // Keeps a long-running simulation away from zero and from overflowing the price units.
    private static final double MIN_PRICE = 0.0001;
    private static final double MAX_PRICE = 10_000_000;

    public PriceProcess {
        if (jumpsPerYear < 0 || jumpStddev < 0) {
            throw new IllegalArgumentException("jump parameters must not be negative");
        }
    }

    public double evolve(double price, double volatility, double dtYears, CounterRandom random) {
        double z = random.nextGaussian();
        double jumps = jumpLogSum(dtYears, random);
        if (dtYears <= 0) {
            return price;
        }
        double compensator = jumpsPerYear * (StrictMath.exp(jumpStddev * jumpStddev / 2) - 1);
        double logReturn = (drift - volatility * volatility / 2 - compensator) * dtYears
                + volatility * StrictMath.sqrt(dtYears) * z
                + jumps;
        return Math.min(MAX_PRICE, Math.max(MIN_PRICE, price * StrictMath.exp(logReturn)));
    }

    /** Always draws the same number of values, so the draws after it do not depend on whether jumps fired. */
    private double jumpLogSum(double dtYears, CounterRandom random) {
        double u = random.nextDouble();
        double size = random.nextGaussian() * jumpStddev;
        if (jumpsPerYear <= 0 || dtYears <= 0) {
            return 0;
        }
        // At tick resolution lambda*dt is tiny; more than one jump between two ticks is folded into one.
        double probability = -StrictMath.expm1(-jumpsPerYear * dtYears);
        return u < probability ? size : 0;
    }
}
