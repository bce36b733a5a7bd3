package io.stocklake.sink.simulation;

import java.util.EnumSet;
import java.util.Locale;

/** The kinds of trouble a run may meet; a soak or a diagnosis can leave some out. */
enum Hazard {
    FAILURES,
    STALLS,
    REBALANCES,
    ZOMBIES,
    CRASHES,
    CATALOG_DROPS,
    /** The clock moves during the run and memory is tight: cuts at offsets no rule over the records would pick. */
    EARLY_CUTS;

    /** All but catalog drops (a known gap of the in-memory catalog's cache-less model), minus those named. */
    static EnumSet<Hazard> parse(String without, boolean catalogDrops) {
        EnumSet<Hazard> hazards = EnumSet.complementOf(EnumSet.of(CATALOG_DROPS));
        if (catalogDrops) {
            hazards.add(CATALOG_DROPS);
        }
        if (without != null && !without.isBlank()) {
            for (String name : without.split(",")) {
                hazards.remove(Hazard.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return hazards;
    }
}
