package io.stocklake.source.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The instruments a run can simulate: a built-in set of well-known large caps, or N generated ones. */
public final class SymbolUniverse {

    // Start prices and volatilities in the range these names have traded at recently; not market data.
    private static final List<Instrument> BUILT_IN = List.of(
            new Instrument("AAPL", "XNAS", 230.00, 0.25),
            new Instrument("MSFT", "XNAS", 420.00, 0.22),
            new Instrument("NVDA", "XNAS", 135.00, 0.50),
            new Instrument("AMZN", "XNAS", 200.00, 0.30),
            new Instrument("GOOGL", "XNAS", 170.00, 0.28),
            new Instrument("META", "XNAS", 580.00, 0.35),
            new Instrument("TSLA", "XNAS", 250.00, 0.55),
            new Instrument("NFLX", "XNAS", 700.00, 0.38),
            new Instrument("AMD", "XNAS", 150.00, 0.50),
            new Instrument("BRK.B", "XNYS", 460.00, 0.15),
            new Instrument("JPM", "XNYS", 220.00, 0.22),
            new Instrument("V", "XNYS", 280.00, 0.18),
            new Instrument("MA", "XNYS", 500.00, 0.20),
            new Instrument("XOM", "XNYS", 115.00, 0.22),
            new Instrument("JNJ", "XNYS", 155.00, 0.15),
            new Instrument("WMT", "XNYS", 80.00, 0.18),
            new Instrument("PG", "XNYS", 165.00, 0.14),
            new Instrument("HD", "XNYS", 390.00, 0.22),
            new Instrument("KO", "XNYS", 63.00, 0.14),
            new Instrument("DIS", "XNYS", 95.00, 0.28));

    private SymbolUniverse() {}

    public static List<Instrument> builtIn() {
        return BUILT_IN;
    }

    /** The built-in instrument with this ticker, to fill in what a configured symbol leaves out. */
    public static Optional<Instrument> builtIn(String symbol) {
        return BUILT_IN.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
    }

    /**
     * {@code count} synthetic symbols ({@code S0001}, {@code S0002}, ...) for load tests. Start prices are
     * spread log-uniformly over $5-$500 by index, so the universe is the same for every task and every seed.
     */
    public static List<Instrument> generated(int count, String exchange, double volatility) {
        int width = Math.max(4, Integer.toString(count).length());
        List<Instrument> instruments = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            double u = CounterRandom.of(0, "generated", i, 0).nextDouble();
            double price = Math.round(5.0 * StrictMath.pow(100.0, u) * 100.0) / 100.0;
            instruments.add(new Instrument(String.format("S%0" + width + "d", i), exchange, price, volatility));
        }
        return List.copyOf(instruments);
    }
}
