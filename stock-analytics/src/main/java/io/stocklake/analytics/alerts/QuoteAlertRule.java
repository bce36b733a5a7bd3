package io.stocklake.analytics.alerts;

import io.stocklake.analytics.ticks.Tick;
import java.util.List;
import java.util.Locale;

/** A tick quoted locked (bid equal to ask) or crossed (bid above ask) raises an alert at its event time. */
public final class QuoteAlertRule {

    public List<Alert> apply(Tick tick) {
        if (tick.bid() < tick.ask()) {
            return List.of();
        }
        AlertKind kind = tick.bid() > tick.ask() ? AlertKind.CROSSED_QUOTE : AlertKind.LOCKED_QUOTE;
        return List.of(new Alert(
                tick.symbol(),
                kind,
                tick.eventTimeMillis(),
                tick.spread(),
                0.0,
                String.format(
                        Locale.ROOT,
                        "%s quoted %s bid / %s ask (%s) at seq %d on %s",
                        tick.symbol(),
                        tick.bid(),
                        tick.ask(),
                        kind == AlertKind.CROSSED_QUOTE ? "crossed" : "locked",
                        tick.seq(),
                        tick.exchange())));
    }
}
