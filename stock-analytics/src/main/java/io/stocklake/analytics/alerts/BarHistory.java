package io.stocklake.analytics.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * What the bar rules remember of a symbol: its last close and its most recent bar returns and volumes, oldest
 * first, each list no longer than its lookback. Immutable; kept in a changelogged store per symbol.
 */
public record BarHistory(double lastClose, List<Double> returns, List<Long> volumes) {

    public BarHistory {
        returns = List.copyOf(returns);
        volumes = List.copyOf(volumes);
    }

    public static BarHistory empty() {
        return new BarHistory(Double.NaN, List.of(), List.of());
    }

    public boolean hasClose() {
        return !Double.isNaN(lastClose);
    }

    /** This history after a bar with this close, return (NaN for none) and volume. */
    public BarHistory next(double close, double barReturn, long volume, int returnLookback, int volumeLookback) {
        List<Double> nextReturns = new ArrayList<>(returns);
        if (!Double.isNaN(barReturn)) {
            nextReturns.add(barReturn);
        }
        List<Long> nextVolumes = new ArrayList<>(volumes);
        nextVolumes.add(volume);
        return new BarHistory(close, tail(nextReturns, returnLookback), tail(nextVolumes, volumeLookback));
    }

    private static <T> List<T> tail(List<T> list, int size) {
        return list.size() <= size ? list : list.subList(list.size() - size, list.size());
    }
}
