package io.stocklake.source.config;

import java.util.Arrays;
import java.util.Locale;

/** Where event time comes from. */
public enum ClockMode {
    /** The wall clock, paced to {@code ticks.per.second}. */
    REALTIME,
    /** The model, from {@code simulated.start}, unpaced or accelerated. */
    SIMULATED;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(ClockMode::configValue).toArray(String[]::new);
    }

    static ClockMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
