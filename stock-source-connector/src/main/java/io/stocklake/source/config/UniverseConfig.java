package io.stocklake.source.config;

import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.SymbolUniverse;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Which symbols are simulated, where they list, and the seed every tick follows from. */
public final class UniverseConfig {

    public static final String SYMBOLS = "symbols";
    public static final String SYMBOLS_GENERATED = "symbols.generated";
    public static final String SYMBOLS_EXCHANGE = "symbols.exchange";
    public static final String SEED = "seed";

    static final String GROUP = "Universe";
    static final String EXCHANGE_DEFAULT = "XNAS";
    static final long SEED_DEFAULT = 42L;
    static final int MAX_GENERATED_SYMBOLS = 100_000;
    /** Where a configured symbol that is not built in starts. */
    static final double UNKNOWN_SYMBOL_START_PRICE = 100.0;

    private final Map<String, ?> values;
    private final ModelConfig model;

    /** @param model whose volatility symbols take that are not built in and give none */
    UniverseConfig(Map<String, ?> values, ModelConfig model) {
        this.values = values;
        this.model = model;
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                SYMBOLS,
                Type.LIST,
                "",
                new SymbolList(),
                Importance.HIGH,
                "Symbols to simulate, comma-separated, each SYMBOL[:start_price[:volatility]] (annualised"
                        + " volatility, 0.25 = 25%). A symbol of the built-in universe keeps its listing venue and"
                        + " its own start price and volatility unless given; any other symbol starts at 100 with "
                        + ModelConfig.PRICE_VOLATILITY + " and lists on " + SYMBOLS_EXCHANGE + ". Empty: the"
                        + " built-in universe of 20 large caps (AAPL, MSFT, NVDA, ...), or generated symbols if "
                        + SYMBOLS_GENERATED + " is set.",
                GROUP,
                ++order,
                Width.LONG,
                "Symbols");
        def.define(
                SYMBOLS_GENERATED,
                Type.INT,
                0,
                ConfigDef.Range.between(0, MAX_GENERATED_SYMBOLS),
                Importance.MEDIUM,
                "Simulate this many generated symbols (S0001, S0002, ...) with start prices spread"
                        + " over $5-$500, for load tests. 0: use " + SYMBOLS + " or the built-in universe. Cannot be"
                        + " combined with " + SYMBOLS + ".",
                GROUP,
                ++order,
                Width.SHORT,
                "Generated symbols");
        def.define(
                SYMBOLS_EXCHANGE,
                Type.STRING,
                EXCHANGE_DEFAULT,
                new TextFormat("a four-character MIC code such as XNAS", UniverseConfig::requireMic),
                Importance.LOW,
                "MIC code of the listing venue for configured symbols outside the built-in universe and for"
                        + " generated symbols.",
                GROUP,
                ++order,
                Width.SHORT,
                "Exchange");
        def.define(
                SEED,
                Type.LONG,
                SEED_DEFAULT,
                Importance.MEDIUM,
                "Seed of the simulation. Every tick is a pure function of the seed, the symbol, its sequence"
                        + " number and the state stored in the source offset: the same seed gives the same ticks.",
                GROUP,
                ++order,
                Width.SHORT,
                "Seed");
    }

    private static void requireMic(String value) {
        if (!value.matches("[A-Z0-9]{4}")) {
            throw new IllegalArgumentException("'" + value + "' is not four upper-case letters or digits");
        }
    }

    /** A list of symbols and generated ones at once. */
    void check(BiConsumer<String, String> problems) {
        if (values.containsKey(SYMBOLS)
                && values.containsKey(SYMBOLS_GENERATED)
                && !symbols().isEmpty()
                && generated() > 0) {
            problems.accept(
                    SYMBOLS_GENERATED, SYMBOLS_GENERATED + " cannot be combined with " + SYMBOLS + ": set one of them");
        }
    }

    public long seed() {
        return (Long) values.get(SEED);
    }

    /** The simulated instruments, in the order the tasks share them out. */
    public List<Instrument> instruments() {
        String exchange = (String) values.get(SYMBOLS_EXCHANGE);
        double volatility = model.defaultVolatility();
        if (generated() > 0) {
            return SymbolUniverse.generated(generated(), exchange, volatility);
        }
        List<SymbolSpec> specs = SymbolList.parse(symbols());
        if (specs.isEmpty()) {
            return SymbolUniverse.builtIn();
        }
        return specs.stream()
                .map(spec -> {
                    Instrument known = SymbolUniverse.builtIn(spec.symbol())
                            .orElse(new Instrument(spec.symbol(), exchange, UNKNOWN_SYMBOL_START_PRICE, volatility));
                    return new Instrument(
                            spec.symbol(),
                            known.exchange(),
                            spec.startPrice().orElse(known.startPrice()),
                            spec.volatility().orElse(known.volatility()));
                })
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> symbols() {
        return (List<String>) values.get(SYMBOLS);
    }

    private int generated() {
        return (Integer) values.get(SYMBOLS_GENERATED);
    }
}
