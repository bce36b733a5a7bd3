package io.stocklake.source.market;

/**
 * The U-shaped intraday activity of equity markets: busiest at the open and the close, quietest at midday.
 *
 * <p>{@code factor(x) = (1 + k (2x - 1)^2) / (1 + k/3)} for the elapsed fraction {@code x} of the session, which
 * averages to 1 over a session, so the configured rate stays the mean rate. At the open and close the factor is
 * {@code (1 + k) / (1 + k/3)}, at midday {@code 1 / (1 + k/3)}; {@code k = 0} is flat.
 *
 * @param uShape the curvature {@code k}
 */
public record IntradayProfile(double uShape) {

    public static final IntradayProfile FLAT = new IntradayProfile(0);

    public IntradayProfile {
        if (!(uShape >= 0)) {
            throw new IllegalArgumentException("U-shape must not be negative: " + uShape);
        }
    }

    public double factor(double sessionFraction) {
        double x = Math.min(1, Math.max(0, sessionFraction));
        double centred = 2 * x - 1;
        return (1 + uShape * centred * centred) / (1 + uShape / 3);
    }
}
