package io.stocklake.source.config;

import io.stocklake.source.market.AlwaysOpenCalendar;
import io.stocklake.source.market.ExchangeCalendar;
import io.stocklake.source.market.NyseTradingDays;
import io.stocklake.source.market.SessionCalendar;
import io.stocklake.source.market.TradingDays;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** When the market trades: the calendar of trading days, the zone, and the session's open and close. */
public final class SessionConfig {

    public static final String SESSION_CALENDAR = "session.calendar";
    public static final String SESSION_ZONE = "session.zone";
    public static final String SESSION_OPEN = "session.open";
    public static final String SESSION_CLOSE = "session.close";

    static final String GROUP = "Session calendar";
    static final CalendarKind CALENDAR_DEFAULT = CalendarKind.NYSE;
    static final String ZONE_DEFAULT = "America/New_York";
    static final String OPEN_DEFAULT = "09:30";
    static final String CLOSE_DEFAULT = "16:00";

    private final Map<String, ?> values;

    SessionConfig(Map<String, ?> values) {
        this.values = values;
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                SESSION_CALENDAR,
                Type.STRING,
                CALENDAR_DEFAULT.configValue(),
                ConfigDef.ValidString.in(CalendarKind.configValues()),
                Importance.MEDIUM,
                "Trading days. nyse: weekdays without NYSE holidays (computed by rule), 13:00 early closes."
                        + " weekdays: Monday to Friday. 24x7: always open, sessions are calendar days in "
                        + SESSION_ZONE + " (" + SESSION_OPEN + "/" + SESSION_CLOSE + " and "
                        + ModelConfig.INTRADAY_U_SHAPE + " do not apply). A realtime clock emits nothing while the"
                        + " market is closed.",
                GROUP,
                ++order,
                Width.SHORT,
                "Calendar");
        def.define(
                SESSION_ZONE,
                Type.STRING,
                ZONE_DEFAULT,
                new TextFormat("an IANA time zone such as America/New_York", ZoneId::of),
                Importance.LOW,
                "Time zone of the session hours and of session dates (when day_volume restarts).",
                GROUP,
                ++order,
                Width.MEDIUM,
                "Zone");
        def.define(
                SESSION_OPEN,
                Type.STRING,
                OPEN_DEFAULT,
                new TextFormat("a time of day HH:mm", LocalTime::parse),
                Importance.LOW,
                "Session open, local time in " + SESSION_ZONE + ".",
                GROUP,
                ++order,
                Width.SHORT,
                "Open");
        def.define(
                SESSION_CLOSE,
                Type.STRING,
                CLOSE_DEFAULT,
                new TextFormat("a time of day HH:mm", LocalTime::parse),
                Importance.LOW,
                "Session close, local time in " + SESSION_ZONE + "; after " + SESSION_OPEN + ".",
                GROUP,
                ++order,
                Width.SHORT,
                "Close");
    }

    /** A session that closes before it opens. */
    void check(BiConsumer<String, String> problems) {
        if (values.containsKey(SESSION_OPEN) && values.containsKey(SESSION_CLOSE) && !open().isBefore(close())) {
            problems.accept(
                    SESSION_CLOSE,
                    SESSION_CLOSE + " must be after " + SESSION_OPEN + " (sessions past"
                            + " midnight are not supported)");
        }
    }

    public CalendarKind calendarKind() {
        return CalendarKind.parse((String) values.get(SESSION_CALENDAR));
    }

    /** A new calendar: calendars remember their last session, so each task takes its own. */
    public SessionCalendar calendar() {
        return switch (calendarKind()) {
            case NYSE -> new ExchangeCalendar(zone(), open(), close(), new NyseTradingDays());
            case WEEKDAYS -> new ExchangeCalendar(zone(), open(), close(), TradingDays.WEEKDAYS);
            case ALWAYS -> new AlwaysOpenCalendar(zone());
        };
    }

    public ZoneId zone() {
        return ZoneId.of((String) values.get(SESSION_ZONE));
    }

    public LocalTime open() {
        return LocalTime.parse((String) values.get(SESSION_OPEN));
    }

    public LocalTime close() {
        return LocalTime.parse((String) values.get(SESSION_CLOSE));
    }
}
