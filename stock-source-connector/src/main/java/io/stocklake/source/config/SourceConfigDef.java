package io.stocklake.source.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigValue;

/** Every setting of the stock tick source: name, type, default, validator, importance, group and doc. */
public final class SourceConfigDef {

    public static final String TOPIC = "topic";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String SCHEMA_DOCS = "schema.docs.enable";

    public static final String SYMBOLS = "symbols";
    public static final String SYMBOLS_GENERATED = "symbols.generated";
    public static final String SYMBOLS_EXCHANGE = "symbols.exchange";
    public static final String SEED = "seed";

    public static final String CLOCK = "clock";
    public static final String TICKS_PER_SECOND = "ticks.per.second";
    public static final String SIMULATED_START = "simulated.start";
    public static final String SIMULATED_ACCELERATION = "simulated.acceleration";
    public static final String MAX_TICKS = "max.ticks";

    public static final String SESSION_CALENDAR = "session.calendar";
    public static final String SESSION_ZONE = "session.zone";
    public static final String SESSION_OPEN = "session.open";
    public static final String SESSION_CLOSE = "session.close";

    public static final String PRICE_DRIFT = "price.drift";
    public static final String PRICE_VOLATILITY = "price.volatility";
    public static final String JUMP_INTENSITY = "jump.intensity";
    public static final String JUMP_STDDEV = "jump.stddev";
    public static final String SPREAD_BPS = "spread.bps";
    public static final String INTRADAY_U_SHAPE = "intraday.u.shape";

    private static final String OUTPUT = "Output";
    private static final String UNIVERSE = "Universe";
    private static final String CLOCK_GROUP = "Clock and rate";
    private static final String SESSION = "Session calendar";
    private static final String MODEL = "Market model";

    private static final int MAX_GENERATED_SYMBOLS = 100_000;

    private SourceConfigDef() {
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(TOPIC, Type.STRING, "stock-ticks", new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Topic the ticks are written to. Records are keyed by symbol, so each symbol's ticks stay in order"
                        + " in one partition.", OUTPUT, ++order, Width.MEDIUM, "Topic");
        def.define(MAX_BATCH_SIZE, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                "Most ticks one poll hands to the worker. With exactly-once and transaction.boundary=poll this is"
                        + " also the largest transaction.", OUTPUT, ++order, Width.SHORT, "Max batch size");
        def.define(SCHEMA_DOCS, Type.BOOLEAN, false, Importance.LOW,
                "Give the value schema a description of the record and of each field. A schema registry stores"
                        + " them once; JsonConverter with schemas.enable=true repeats them in every record, where they"
                        + " add about 576 bytes (64%) to each tick.", OUTPUT, ++order, Width.SHORT, "Schema docs");

        order = 0;
        def.define(SYMBOLS, Type.LIST, "", new SymbolList(), Importance.HIGH,
                "Symbols to simulate, comma-separated, each SYMBOL[:start_price[:volatility]] (annualised"
                        + " volatility, 0.25 = 25%). A symbol of the built-in universe keeps its listing venue and"
                        + " its own start price and volatility unless given; any other symbol starts at 100 with "
                        + PRICE_VOLATILITY + " and lists on " + SYMBOLS_EXCHANGE + ". Empty: the built-in universe"
                        + " of 20"
                        + " large caps (AAPL, MSFT, NVDA, ...), or generated symbols if " + SYMBOLS_GENERATED
                        + " is set.", UNIVERSE, ++order, Width.LONG, "Symbols");
        def.define(SYMBOLS_GENERATED, Type.INT, 0, ConfigDef.Range.between(0, MAX_GENERATED_SYMBOLS),
                Importance.MEDIUM, "Simulate this many generated symbols (S0001, S0002, ...) with start prices spread"
                        + " over $5-$500, for load tests. 0: use " + SYMBOLS + " or the built-in universe. Cannot be"
                        + " combined with " + SYMBOLS + ".", UNIVERSE, ++order, Width.SHORT, "Generated symbols");
        def.define(SYMBOLS_EXCHANGE, Type.STRING, "XNAS", new TextFormat("a four-character MIC code such as XNAS",
                        SourceConfigDef::requireMic), Importance.LOW,
                "MIC code of the listing venue for configured symbols outside the built-in universe and for"
                        + " generated symbols.", UNIVERSE, ++order, Width.SHORT, "Exchange");
        def.define(SEED, Type.LONG, 42L, Importance.MEDIUM,
                "Seed of the simulation. Every tick is a pure function of the seed, the symbol, its sequence"
                        + " number and the state stored in the source offset: the same seed gives the same ticks.",
                UNIVERSE, ++order, Width.SHORT, "Seed");

        order = 0;
        def.define(CLOCK, Type.STRING, ClockMode.REALTIME.configValue(),
                ConfigDef.ValidString.in(ClockMode.REALTIME.configValue(),
                        ClockMode.SIMULATED.configValue()), Importance.HIGH,
                "realtime: event time is the wall clock, paced to " + TICKS_PER_SECOND + " while a session is open."
                        + " simulated: event time starts at " + SIMULATED_START + " and advances by the arrival model"
                        + " through the session calendar, as fast as possible or paced by "
                        + SIMULATED_ACCELERATION + ".", CLOCK_GROUP, ++order, Width.SHORT, "Clock");
        def.define(TICKS_PER_SECOND, Type.DOUBLE, 10.0, Bounds.positiveUpTo(10_000_000), Importance.HIGH,
                "Mean ticks per second over all symbols (each symbol gets an equal share; tasks get their symbols'"
                        + " share). realtime: per wall-clock second. simulated: per second of trading time, shaped"
                        + " over the session by " + INTRADAY_U_SHAPE + ".", CLOCK_GROUP, ++order, Width.SHORT,
                "Ticks per second");
        def.define(SIMULATED_START, Type.STRING, "2026-01-05T09:30",
                new TextFormat(StartTime.DESCRIPTION, text -> StartTime.parse(text, ZoneId.of("UTC"))),
                Importance.MEDIUM, "simulated clock: where event time starts. An ISO-8601 date-time with offset"
                        + " (2026-01-05T14:30:00Z), or a local date-time or date read in " + SESSION_ZONE
                        + ". A start outside a session begins at the next open.", CLOCK_GROUP, ++order, Width.MEDIUM,
                "Simulated start");
        def.define(SIMULATED_ACCELERATION, Type.DOUBLE, 0.0, Bounds.between(0, 1_000_000_000), Importance.MEDIUM,
                "simulated clock: trading seconds simulated per wall-clock second (60 = a minute a second; closed"
                        + " hours are skipped). 0: as fast as possible, for backfills and benchmarks.", CLOCK_GROUP,
                ++order, Width.SHORT, "Acceleration");
        def.define(MAX_TICKS, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                "Total ticks of the run over all symbols; 0: no limit. Each symbol gets a fixed share, so the"
                        + " result does not depend on tasks.max. Tasks that are done stay RUNNING and idle.",
                CLOCK_GROUP, ++order, Width.SHORT, "Max ticks");

        order = 0;
        def.define(SESSION_CALENDAR, Type.STRING, CalendarKind.NYSE.configValue(),
                ConfigDef.ValidString.in(CalendarKind.configValues()), Importance.MEDIUM,
                "Trading days. nyse: weekdays without NYSE holidays (computed by rule), 13:00 early closes."
                        + " weekdays: Monday to Friday. 24x7: always open, sessions are calendar days in "
                        + SESSION_ZONE + " (" + SESSION_OPEN + "/" + SESSION_CLOSE + " and " + INTRADAY_U_SHAPE
                        + " do not apply). A realtime clock emits nothing while the market is closed.", SESSION,
                ++order, Width.SHORT, "Calendar");
        def.define(SESSION_ZONE, Type.STRING, "America/New_York",
                new TextFormat("an IANA time zone such as America/New_York", ZoneId::of), Importance.LOW,
                "Time zone of the session hours and of session dates (when day_volume restarts).", SESSION,
                ++order, Width.MEDIUM, "Zone");
        def.define(SESSION_OPEN, Type.STRING, "09:30", new TextFormat("a time of day HH:mm", LocalTime::parse),
                Importance.LOW, "Session open, local time in " + SESSION_ZONE + ".", SESSION, ++order, Width.SHORT,
                "Open");
        def.define(SESSION_CLOSE, Type.STRING, "16:00", new TextFormat("a time of day HH:mm", LocalTime::parse),
                Importance.LOW, "Session close, local time in " + SESSION_ZONE + "; after " + SESSION_OPEN + ".",
                SESSION, ++order, Width.SHORT, "Close");

        order = 0;
        def.define(PRICE_DRIFT, Type.DOUBLE, 0.07, Bounds.between(-1, 1), Importance.LOW,
                "Annual drift of the geometric Brownian motion (0.07 = 7% a year), in trading time.", MODEL,
                ++order, Width.SHORT, "Drift");
        def.define(PRICE_VOLATILITY, Type.DOUBLE, 0.3, Bounds.positiveUpTo(SymbolSpec.MAX_VOLATILITY),
                Importance.LOW, "Annualised volatility for configured symbols that give none and are not built in,"
                        + " and for generated symbols.", MODEL, ++order, Width.SHORT, "Volatility");
        def.define(JUMP_INTENSITY, Type.DOUBLE, 0.0, Bounds.between(0, 10_000), Importance.LOW,
                "Price jumps per trading year (Merton jump diffusion; drift-compensated). 0: no jumps.", MODEL,
                ++order, Width.SHORT, "Jumps per year");
        def.define(JUMP_STDDEV, Type.DOUBLE, 0.03, Bounds.between(0, 1), Importance.LOW,
                "Standard deviation of one jump's log return (0.03 = about 3%).", MODEL, ++order, Width.SHORT,
                "Jump size");
        def.define(SPREAD_BPS, Type.DOUBLE, 1.0, Bounds.between(0, 10_000), Importance.LOW,
                "Typical quoted spread in basis points of the price (log-normally dispersed); never less than one"
                        + " tick of the SEC Rule 612 grid ($0.01 at or above $1, $0.0001 below).", MODEL, ++order,
                Width.SHORT, "Spread");
        def.define(INTRADAY_U_SHAPE, Type.DOUBLE, 3.0, Bounds.between(0, 100), Importance.LOW,
                "How much busier the open and close are than midday, as the curvature k of the arrival rate"
                        + " (1 + k(2x-1)^2)/(1 + k/3) over the session fraction x: 3 gives twice the mean rate at"
                        + " the bell and half at noon. 0: flat. Simulated clock only.", MODEL, ++order, Width.SHORT,
                "Intraday U-shape");
        return def;
    }

    /**
     * Validates each setting, then the ones that only make sense together, adding those messages to the setting
     * they concern.
     */
    public static Config validate(Map<String, String> props) {
        Map<String, ConfigValue> values = configDef().validateAll(props);
        checkCombinations(values);
        return new Config(List.copyOf(values.values()));
    }

    private static void checkCombinations(Map<String, ConfigValue> values) {
        ConfigValue symbols = values.get(SYMBOLS);
        ConfigValue generated = values.get(SYMBOLS_GENERATED);
        if (valid(symbols, generated) && !((List<?>) symbols.value()).isEmpty()
                && ((Number) generated.value()).intValue() > 0) {
            generated.addErrorMessage(SYMBOLS_GENERATED + " cannot be combined with " + SYMBOLS
                    + ": set one of them");
        }
        ConfigValue open = values.get(SESSION_OPEN);
        ConfigValue close = values.get(SESSION_CLOSE);
        if (valid(open, close) && !LocalTime.parse((String) open.value())
                .isBefore(LocalTime.parse((String) close.value()))) {
            close.addErrorMessage(SESSION_CLOSE + " must be after " + SESSION_OPEN + " (sessions past midnight are"
                    + " not supported)");
        }
    }

    private static boolean valid(ConfigValue... values) {
        for (ConfigValue value : values) {
            if (value == null || !value.errorMessages().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Every error message of a validation, each naming its key; empty if the configuration is valid. */
    public static List<String> errors(Config config) {
        return config.configValues().stream().flatMap(value -> value.errorMessages().stream())
                .collect(Collectors.toList());
    }

    private static void requireMic(String value) {
        if (!value.matches("[A-Z0-9]{4}")) {
            throw new IllegalArgumentException("'" + value + "' is not four upper-case letters or digits");
        }
    }
}
