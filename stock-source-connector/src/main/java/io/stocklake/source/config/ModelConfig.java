package io.stocklake.source.config;

import io.stocklake.source.market.IntradayProfile;
import io.stocklake.source.market.PriceProcess;
import io.stocklake.source.market.QuoteModel;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The market model: how prices move and jump, how wide quotes are, how trading crowds around the bells. */
public final class ModelConfig {

    public static final String PRICE_DRIFT = "price.drift";
    public static final String PRICE_VOLATILITY = "price.volatility";
    public static final String JUMP_INTENSITY = "jump.intensity";
    public static final String JUMP_STDDEV = "jump.stddev";
    public static final String SPREAD_BPS = "spread.bps";
    public static final String INTRADAY_U_SHAPE = "intraday.u.shape";

    static final String GROUP = "Market model";
    static final double PRICE_DRIFT_DEFAULT = 0.07;
    static final double PRICE_VOLATILITY_DEFAULT = 0.3;
    static final double JUMP_INTENSITY_DEFAULT = 0.0;
    static final double JUMP_STDDEV_DEFAULT = 0.03;
    static final double SPREAD_BPS_DEFAULT = 1.0;
    static final double INTRADAY_U_SHAPE_DEFAULT = 3.0;

    private final Map<String, ?> values;
    private final SessionConfig session;

    /** @param session whose calendar decides whether there are bells to crowd around */
    ModelConfig(Map<String, ?> values, SessionConfig session) {
        this.values = values;
        this.session = session;
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                PRICE_DRIFT,
                Type.DOUBLE,
                PRICE_DRIFT_DEFAULT,
                Bounds.between(-1, 1),
                Importance.LOW,
                "Annual drift of the geometric Brownian motion (0.07 = 7% a year), in trading time.",
                GROUP,
                ++order,
                Width.SHORT,
                "Drift");
        def.define(
                PRICE_VOLATILITY,
                Type.DOUBLE,
                PRICE_VOLATILITY_DEFAULT,
                Bounds.positiveUpTo(SymbolSpec.MAX_VOLATILITY),
                Importance.LOW,
                "Annualised volatility for configured symbols that give none and are not built in, and for"
                        + " generated symbols.",
                GROUP,
                ++order,
                Width.SHORT,
                "Volatility");
        def.define(
                JUMP_INTENSITY,
                Type.DOUBLE,
                JUMP_INTENSITY_DEFAULT,
                Bounds.between(0, 10_000),
                Importance.LOW,
                "Price jumps per trading year (Merton jump diffusion; drift-compensated). 0: no jumps.",
                GROUP,
                ++order,
                Width.SHORT,
                "Jumps per year");
        def.define(
                JUMP_STDDEV,
                Type.DOUBLE,
                JUMP_STDDEV_DEFAULT,
                Bounds.between(0, 1),
                Importance.LOW,
                "Standard deviation of one jump's log return (0.03 = about 3%).",
                GROUP,
                ++order,
                Width.SHORT,
                "Jump size");
        def.define(
                SPREAD_BPS,
                Type.DOUBLE,
                SPREAD_BPS_DEFAULT,
                Bounds.between(0, 10_000),
                Importance.LOW,
                "Typical quoted spread in basis points of the price (log-normally dispersed); never less than one"
                        + " tick of the SEC Rule 612 grid ($0.01 at or above $1, $0.0001 below).",
                GROUP,
                ++order,
                Width.SHORT,
                "Spread");
        def.define(
                INTRADAY_U_SHAPE,
                Type.DOUBLE,
                INTRADAY_U_SHAPE_DEFAULT,
                Bounds.between(0, 100),
                Importance.LOW,
                "How much busier the open and close are than midday, as the curvature k of the arrival rate"
                        + " (1 + k(2x-1)^2)/(1 + k/3) over the session fraction x: 3 gives twice the mean rate at"
                        + " the bell and half at noon. 0: flat. Simulated clock only.",
                GROUP,
                ++order,
                Width.SHORT,
                "Intraday U-shape");
    }

    public PriceProcess priceProcess() {
        return new PriceProcess(number(PRICE_DRIFT), number(JUMP_INTENSITY), number(JUMP_STDDEV));
    }

    /** The volatility of symbols that are not built in and give none of their own. */
    public double defaultVolatility() {
        return number(PRICE_VOLATILITY);
    }

    public QuoteModel quoteModel() {
        return new QuoteModel(number(SPREAD_BPS));
    }

    /** Flat around the clock, where there is no opening or closing bell to crowd around. */
    public IntradayProfile intradayProfile() {
        return session.calendarKind() == CalendarKind.ALWAYS
                ? IntradayProfile.FLAT
                : new IntradayProfile(number(INTRADAY_U_SHAPE));
    }

    private double number(String key) {
        return (Double) values.get(key);
    }
}
