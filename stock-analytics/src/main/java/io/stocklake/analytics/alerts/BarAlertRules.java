package io.stocklake.analytics.alerts;

import io.stocklake.analytics.bars.Bar;
import io.stocklake.analytics.config.AlertThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules on a symbol's final bars, in minute order: a return beyond k standard deviations of the recent returns,
 * and a volume spike over the recent mean. Each rule stays quiet until its lookback is full. Pure: the history
 * goes in and comes out.
 */
public final class BarAlertRules {

    private final AlertThresholds thresholds;

    public BarAlertRules(AlertThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The alerts a bar raises given the symbol's history, and the history after it. */
    public Outcome apply(BarHistory history, Bar bar) {
        List<Alert> alerts = new ArrayList<>(2);
        double barReturn = history.hasClose() ? Math.log(bar.close() / history.lastClose()) : Double.NaN;
        if (!Double.isNaN(barReturn) && history.returns().size() >= thresholds.returnLookbackBars()) {
            returnAlert(history.returns(), barReturn, bar, alerts);
        }
        if (history.volumes().size() >= thresholds.volumeLookbackBars()) {
            volumeAlert(history.volumes(), bar, alerts);
        }
        BarHistory next = history.next(
                bar.close(), barReturn, bar.volume(), thresholds.returnLookbackBars(), thresholds.volumeLookbackBars());
        return new Outcome(List.copyOf(alerts), next);
    }

    private void returnAlert(List<Double> returns, double barReturn, Bar bar, List<Alert> alerts) {
        double mean =
                returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance =
                returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
        double std = Math.sqrt(variance);
        // A flat history has no spread to measure a move against: any tick would be infinitely many sigmas.
        if (std == 0) {
            return;
        }
        double sigmas = (barReturn - mean) / std;
        if (Math.abs(sigmas) > thresholds.returnSigmas()) {
            alerts.add(new Alert(
                    bar.symbol(),
                    AlertKind.RETURN_SIGMA,
                    bar.windowStart(),
                    barReturn,
                    thresholds.returnSigmas() * std,
                    String.format(
                            Locale.ROOT,
                            "%s moved %+.4f%% in the minute (close %s), %.1f standard deviations "
                                    + "of its last %d one-minute returns (mean %+.4f%%, sd %.4f%%; alert above %s)",
                            bar.symbol(),
                            100 * barReturn,
                            bar.close(),
                            sigmas,
                            returns.size(),
                            100 * mean,
                            100 * std,
                            thresholds.returnSigmas())));
        }
    }

    private void volumeAlert(List<Long> volumes, Bar bar, List<Alert> alerts) {
        double mean = volumes.stream().mapToLong(Long::longValue).average().orElseThrow();
        double limit = thresholds.volumeMultiple() * mean;
        if (mean > 0 && bar.volume() > limit) {
            alerts.add(new Alert(
                    bar.symbol(),
                    AlertKind.VOLUME_SPIKE,
                    bar.windowStart(),
                    bar.volume(),
                    limit,
                    String.format(
                            Locale.ROOT,
                            "%s traded %d shares in the minute, %.1f times its mean of %.0f over "
                                    + "the last %d minutes (alert above %s times)",
                            bar.symbol(),
                            bar.volume(),
                            bar.volume() / mean,
                            mean,
                            volumes.size(),
                            thresholds.volumeMultiple())));
        }
    }

    /** A bar's alerts (possibly none) and the symbol's history after it. */
    public record Outcome(List<Alert> alerts, BarHistory history) {}
}
