package io.stocklake.source.config;

import io.stocklake.source.market.AlwaysOpenCalendar;
import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.ExchangeCalendar;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.IntradayProfile;
import io.stocklake.source.market.NyseTradingDays;
import io.stocklake.source.market.PriceProcess;
import io.stocklake.source.market.QuoteModel;
import io.stocklake.source.market.SessionCalendar;
import io.stocklake.source.market.SymbolUniverse;
import io.stocklake.source.market.TradingDays;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;

/** The validated settings of a connector or task, as the types the model uses. */
public record SourceSettings(
        String topic,
        int maxBatchSize,
        boolean schemaDocs,
        long seed,
        List<Instrument> universe,
        ClockMode clock,
        double ticksPerSecond,
        long simulatedStartMicros,
        double acceleration,
        long maxTicks,
        CalendarKind calendarKind,
        ZoneId zone,
        LocalTime open,
        LocalTime close,
        PriceProcess priceProcess,
        QuoteModel quoteModel,
        IntradayProfile intradayProfile) {

    private static final double UNKNOWN_SYMBOL_START_PRICE = 100.0;

    public SourceSettings {
        universe = List.copyOf(universe);
    }

    /** Parses and validates; a bad configuration throws with every problem, each naming its key. */
    public static SourceSettings parse(Map<String, String> props) {
        List<String> errors = SourceConfigDef.errors(SourceConfigDef.validate(props));
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("; ", errors));
        }
        AbstractConfig config = new AbstractConfig(SourceConfigDef.configDef(), props, false);
        ZoneId zone = ZoneId.of(config.getString(SourceConfigDef.SESSION_ZONE));
        CalendarKind calendar = CalendarKind.parse(config.getString(SourceConfigDef.SESSION_CALENDAR));
        return new SourceSettings(
                config.getString(SourceConfigDef.TOPIC),
                config.getInt(SourceConfigDef.MAX_BATCH_SIZE),
                config.getBoolean(SourceConfigDef.SCHEMA_DOCS),
                config.getLong(SourceConfigDef.SEED),
                universe(config),
                ClockMode.parse(config.getString(SourceConfigDef.CLOCK)),
                config.getDouble(SourceConfigDef.TICKS_PER_SECOND),
                EpochMicros.of(StartTime.parse(config.getString(SourceConfigDef.SIMULATED_START), zone)),
                config.getDouble(SourceConfigDef.SIMULATED_ACCELERATION),
                config.getLong(SourceConfigDef.MAX_TICKS),
                calendar,
                zone,
                LocalTime.parse(config.getString(SourceConfigDef.SESSION_OPEN)),
                LocalTime.parse(config.getString(SourceConfigDef.SESSION_CLOSE)),
                new PriceProcess(config.getDouble(SourceConfigDef.PRICE_DRIFT),
                        config.getDouble(SourceConfigDef.JUMP_INTENSITY), config.getDouble(SourceConfigDef.JUMP_STDDEV)),
                new QuoteModel(config.getDouble(SourceConfigDef.SPREAD_BPS)),
                // Around the clock there is no opening or closing bell to crowd around.
                calendar == CalendarKind.ALWAYS ? IntradayProfile.FLAT
                        : new IntradayProfile(config.getDouble(SourceConfigDef.INTRADAY_U_SHAPE)));
    }

    /** A new calendar: calendars remember their last session, so each task takes its own. */
    public SessionCalendar calendar() {
        return switch (calendarKind) {
            case NYSE -> new ExchangeCalendar(zone, open, close, new NyseTradingDays());
            case WEEKDAYS -> new ExchangeCalendar(zone, open, close, TradingDays.WEEKDAYS);
            case ALWAYS -> new AlwaysOpenCalendar(zone);
        };
    }

    /** Mean ticks per trading second of one symbol. */
    public double ratePerSymbol() {
        return ticksPerSecond / universe.size();
    }

    private static List<Instrument> universe(AbstractConfig config) {
        List<SymbolSpec> specs = SymbolList.parse(config.getList(SourceConfigDef.SYMBOLS));
        int generated = config.getInt(SourceConfigDef.SYMBOLS_GENERATED);
        String exchange = config.getString(SourceConfigDef.SYMBOLS_EXCHANGE);
        double volatility = config.getDouble(SourceConfigDef.PRICE_VOLATILITY);
        if (generated > 0) {
            return SymbolUniverse.generated(generated, exchange, volatility);
        }
        if (specs.isEmpty()) {
            return SymbolUniverse.builtIn();
        }
        return specs.stream().map(spec -> {
            Instrument known = SymbolUniverse.builtIn(spec.symbol())
                    .orElse(new Instrument(spec.symbol(), exchange, UNKNOWN_SYMBOL_START_PRICE, volatility));
            return new Instrument(spec.symbol(), known.exchange(),
                    spec.startPrice().orElse(known.startPrice()), spec.volatility().orElse(known.volatility()));
        }).toList();
    }
}
