package io.stocklake.analytics.alerts;

/**
 * Something unusual seen in a symbol's stream: what, when, the value seen and the threshold it crossed.
 *
 * @param eventTimeMillis when it was seen: the bar's start for bar rules, the tick's event time for quote rules
 * @param observed        the value seen: a log return, a volume in shares, or ask minus bid
 * @param threshold       the limit it went beyond, from the configured thresholds and the symbol's recent bars
 * @param detail          one sentence for people, with the numbers and the configuration behind them
 */
public record Alert(
        String symbol, AlertKind kind, long eventTimeMillis, double observed, double threshold, String detail) {}
