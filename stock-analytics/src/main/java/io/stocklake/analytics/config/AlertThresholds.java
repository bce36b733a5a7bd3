package io.stocklake.analytics.config;

/**
 * When the alert rules fire.
 *
 * @param returnSigmas       a bar's log return beyond this many standard deviations of the recent ones
 * @param returnLookbackBars how many recent returns make the baseline (the rule is quiet until there are this many)
 * @param volumeMultiple     a bar's volume above this multiple of the recent mean bar volume
 * @param volumeLookbackBars how many recent bar volumes make the mean (quiet until there are this many)
 * @param quoteAlerts        whether locked (bid = ask) and crossed (bid above ask) quotes raise alerts
 */
public record AlertThresholds(
        double returnSigmas,
        int returnLookbackBars,
        double volumeMultiple,
        int volumeLookbackBars,
        boolean quoteAlerts) {

    public AlertThresholds {
        if (returnLookbackBars < 2 || volumeLookbackBars < 1) {
            throw new IllegalArgumentException("lookbacks must be at least 2 returns and 1 volume");
        }
    }
}
