package io.stocklake.source.market;

import java.util.Objects;

/**
 * One simulated listing.
 *
 * @param symbol      ticker, e.g. {@code AAPL}
 * @param exchange    MIC of the listing venue, e.g. {@code XNAS}
 * @param startPrice  price in dollars before the first tick
 * @param volatility  annualised volatility of log returns, e.g. 0.25
 */
public record Instrument(String symbol, String exchange, double startPrice, double volatility) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exchange, "exchange");
        if (!(startPrice > 0)) {
            throw new IllegalArgumentException("start price must be positive: " + startPrice);
        }
        if (!(volatility > 0)) {
            throw new IllegalArgumentException("volatility must be positive: " + volatility);
        }
    }
}
