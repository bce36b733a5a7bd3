package io.stocklake.source.config;

import io.stocklake.source.market.EpochMicros;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** How event time runs: the wall clock or a simulated one, the tick rate, and how many ticks in all. */
public final class ClockConfig {

    public static final String CLOCK = "clock";
    public static final String TICKS_PER_SECOND = "ticks.per.second";
    public static final String SIMULATED_START = "simulated.start";
    public static final String SIMULATED_ACCELERATION = "simulated.acceleration";
    public static final String MAX_TICKS = "max.ticks";

    static final String GROUP = "Clock and rate";
    static final ClockMode CLOCK_DEFAULT = ClockMode.REALTIME;
    static final double TICKS_PER_SECOND_DEFAULT = 10.0;
    static final double MAX_TICKS_PER_SECOND = 10_000_000;
    static final String SIMULATED_START_DEFAULT = "2026-01-05T09:30";
    static final double SIMULATED_ACCELERATION_DEFAULT = 0.0;
    static final long MAX_TICKS_DEFAULT = 0L;

    private final Map<String, ?> values;
    private final SessionConfig session;

    /** @param session whose zone reads a local {@code simulated.start} */
    ClockConfig(Map<String, ?> values, SessionConfig session) {
        this.values = values;
        this.session = session;
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                CLOCK,
                Type.STRING,
                CLOCK_DEFAULT.configValue(),
                ConfigDef.ValidString.in(ClockMode.configValues()),
                Importance.HIGH,
                "realtime: event time is the wall clock, paced to " + TICKS_PER_SECOND + " while a"
                        + " session is open. simulated: event time starts at " + SIMULATED_START + " and advances by"
                        + " the arrival model through the session calendar, as fast as possible or paced by "
                        + SIMULATED_ACCELERATION + ".",
                GROUP,
                ++order,
                Width.SHORT,
                "Clock");
        def.define(
                TICKS_PER_SECOND,
                Type.DOUBLE,
                TICKS_PER_SECOND_DEFAULT,
                Bounds.positiveUpTo(MAX_TICKS_PER_SECOND),
                Importance.HIGH,
                "Mean ticks per second over all symbols (each symbol gets an equal share; tasks get"
                        + " their symbols' share). realtime: per wall-clock second. simulated: per second of trading"
                        + " time, shaped over the session by " + ModelConfig.INTRADAY_U_SHAPE + ".",
                GROUP,
                ++order,
                Width.SHORT,
                "Ticks per second");
        def.define(
                SIMULATED_START,
                Type.STRING,
                SIMULATED_START_DEFAULT,
                new TextFormat(StartTime.DESCRIPTION, text -> StartTime.parse(text, ZoneId.of("UTC"))),
                Importance.MEDIUM,
                "simulated clock: where event time starts. An ISO-8601 date-time with offset"
                        + " (2026-01-05T14:30:00Z), or a local date-time or date read in "
                        + SessionConfig.SESSION_ZONE + ". A start outside a session begins at the next open.",
                GROUP,
                ++order,
                Width.MEDIUM,
                "Simulated start");
        def.define(
                SIMULATED_ACCELERATION,
                Type.DOUBLE,
                SIMULATED_ACCELERATION_DEFAULT,
                Bounds.between(0, 1_000_000_000),
                Importance.MEDIUM,
                "simulated clock: trading seconds simulated per"
                        + " wall-clock second (60 = a minute a second; closed hours are skipped). 0: as fast as"
                        + " possible, for backfills and benchmarks.",
                GROUP,
                ++order,
                Width.SHORT,
                "Acceleration");
        def.define(
                MAX_TICKS,
                Type.LONG,
                MAX_TICKS_DEFAULT,
                ConfigDef.Range.atLeast(0),
                Importance.MEDIUM,
                "Total ticks of the run over all symbols; 0: no limit. Each symbol gets a fixed share, so the"
                        + " result does not depend on tasks.max. Tasks that are done stay RUNNING and idle.",
                GROUP,
                ++order,
                Width.SHORT,
                "Max ticks");
    }

    public ClockMode mode() {
        return ClockMode.parse((String) values.get(CLOCK));
    }

    /** Mean ticks per second over all symbols. */
    public double ticksPerSecond() {
        return (Double) values.get(TICKS_PER_SECOND);
    }

    /** Where a simulated clock starts, in epoch microseconds. */
    public long simulatedStartMicros() {
        return EpochMicros.of(StartTime.parse((String) values.get(SIMULATED_START), session.zone()));
    }

    /** Trading seconds per wall-clock second; 0: as fast as possible. */
    public double acceleration() {
        return (Double) values.get(SIMULATED_ACCELERATION);
    }

    /** Ticks of the whole run; 0: no limit. */
    public long maxTicks() {
        return (Long) values.get(MAX_TICKS);
    }
}
