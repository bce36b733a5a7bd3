package io.stocklake.analytics;

import io.stocklake.source.ticks.Tick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One-minute bars computed the plain way, apart from the application: group the ticks by symbol and minute, sort
 * each group by event time and sequence number, and read the figures off the sorted list.
 */
final class ReferenceBars {

    private static final long MINUTE = 60_000;

    private ReferenceBars() {}

    static List<BarRow> of(List<Tick> ticks) {
        Map<String, Map<Long, List<Tick>>> groups = ticks.stream()
                .collect(Collectors.groupingBy(
                        Tick::symbol,
                        TreeMap::new,
                        Collectors.groupingBy(
                                t -> Math.floorDiv(t.eventTimeMillis(), MINUTE) * MINUTE,
                                TreeMap::new,
                                Collectors.toList())));
        List<BarRow> bars = new ArrayList<>();
        groups.forEach((symbol, minutes) -> minutes.forEach((start, group) -> {
            List<Tick> sorted = group.stream()
                    .sorted(Comparator.comparingLong(Tick::eventTimeMillis).thenComparingLong(Tick::seq))
                    .toList();
            long volume = sorted.stream().mapToLong(Tick::size).sum();
            double notional =
                    sorted.stream().mapToDouble(t -> t.price() * t.size()).sum();
            List<Double> spreads = sorted.stream().map(t -> t.ask() - t.bid()).toList();
            bars.add(new BarRow(
                    symbol,
                    start,
                    start + MINUTE,
                    sorted.get(0).price(),
                    sorted.stream().mapToDouble(Tick::price).max().orElseThrow(),
                    sorted.stream().mapToDouble(Tick::price).min().orElseThrow(),
                    sorted.get(sorted.size() - 1).price(),
                    volume,
                    notional / volume,
                    sorted.size(),
                    spreads.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    spreads.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    spreads.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }));
        return bars;
    }
}
