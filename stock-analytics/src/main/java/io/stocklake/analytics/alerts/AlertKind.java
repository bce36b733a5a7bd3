package io.stocklake.analytics.alerts;

/** What an alert is about; its name is the {@code alert_type} column of the alerts table. */
public enum AlertKind {
    /** A bar's log return beyond k standard deviations of the symbol's recent bar returns. */
    RETURN_SIGMA,
    /** A bar's volume above a multiple of the symbol's recent mean bar volume. */
    VOLUME_SPIKE,
    /** A tick quoted with the bid above the ask. */
    CROSSED_QUOTE,
    /** A tick quoted with the bid equal to the ask. */
    LOCKED_QUOTE
}
