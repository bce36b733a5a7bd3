package io.stocklake.source.market;

/**
 * Trade sizes in shares, after the order-size mixture of ABIDES (abides-markets {@code OrderSizeModel}): mostly
 * round lots of 100..1000 shares, with a log-normal (mu 2.9, sigma 1.2) tail of odd lots and larger prints.
 */
public final class TradeSizeModel {

    private static final double LOG_NORMAL_WEIGHT = 0.2;
    private static final double LOG_NORMAL_MU = 2.9;
    private static final double LOG_NORMAL_SIGMA = 1.2;
    /** Weights of 100, 200, ..., 1000 shares. */
    private static final double[] ROUND_LOT_WEIGHTS = {
        0.7, 0.06, 0.004, 0.0329, 0.001, 0.0006, 0.0004, 0.0005, 0.0003, 0.0003
    };

    private static final int MAX_SIZE = 1_000_000;

    public int sample(CounterRandom random) {
        double component = random.nextDouble();
        double gaussian = random.nextGaussian();
        if (component < LOG_NORMAL_WEIGHT) {
            double size = StrictMath.exp(LOG_NORMAL_MU + LOG_NORMAL_SIGMA * gaussian);
            return (int) Math.max(1, Math.min(MAX_SIZE, Math.round(size)));
        }
        double cumulative = LOG_NORMAL_WEIGHT;
        for (int lot = 0; lot < ROUND_LOT_WEIGHTS.length; lot++) {
            cumulative += ROUND_LOT_WEIGHTS[lot];
            if (component < cumulative) {
                return 100 * (lot + 1);
            }
        }
        return 100 * ROUND_LOT_WEIGHTS.length;
    }
}
