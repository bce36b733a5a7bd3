package io.stocklake.source.config;

import java.util.Arrays;
import java.util.Locale;

/** Which days and hours the market trades. */
public enum CalendarKind {
    /** NYSE: weekdays, NYSE holidays and early closes, within the session hours. */
    NYSE("nyse"),
    /** Monday to Friday within the session hours, no holidays. */
    WEEKDAYS("weekdays"),
    /** Around the clock, every day; a session is a calendar day in the zone. */
    ALWAYS("24x7");

    private final String configValue;

    CalendarKind(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(CalendarKind::configValue).toArray(String[]::new);
    }

    static CalendarKind parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.configValue.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown calendar " + value));
    }
}
