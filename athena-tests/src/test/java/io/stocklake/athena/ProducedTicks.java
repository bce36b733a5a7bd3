package io.stocklake.athena;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every tick consumed from the topic, and what a correct table over them must answer, computed in Java. */
record ProducedTicks(List<Tick> ticks) {

    ProducedTicks {
        ticks = List.copyOf(ticks);
        long distinct =
                ticks.stream().map(t -> t.symbol() + "#" + t.seq()).distinct().count();
        if (distinct != ticks.size()) {
            throw new IllegalArgumentException((ticks.size() - distinct) + " ticks of the topic are duplicates");
        }
    }

    int count() {
        return ticks.size();
    }

    /** Ticks per Hive partition, in partition order. */
    SortedMap<HivePartition, Long> countsByPartition() {
        return ticks.stream().collect(Collectors.groupingBy(Tick::partition, TreeMap::new, Collectors.counting()));
    }

    /** The day with the most ticks: the "sample day" the per-day queries run on. */
    String sampleDay() {
        return ticks.stream()
                .collect(Collectors.groupingBy(t -> t.partition().dt(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** The partition with the most ticks on a day. */
    HivePartition busiestPartition(String day) {
        return countsByPartition().entrySet().stream()
                .filter(e -> e.getKey().dt().equals(day))
                .max(Map.Entry.<HivePartition, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** Per-symbol aggregates, by symbol. */
    List<SymbolAggregates> symbolAggregates() {
        return ticks.stream()
                .collect(Collectors.groupingBy(Tick::symbol, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> SymbolAggregates.of(e.getKey(), e.getValue()))
                .toList();
    }

    /** The ticks that pass a filter, e.g. one day's, ordered by symbol and sequence number. */
    List<Tick> where(Predicate<Tick> filter) {
        return ticks.stream()
                .filter(filter)
                .sorted(Comparator.comparing(Tick::symbol).thenComparingLong(Tick::seq))
                .toList();
    }

    static Predicate<Tick> onDay(String day) {
        return t -> t.partition().dt().equals(day);
    }

    static Predicate<Tick> inPartition(HivePartition partition) {
        return t -> t.partition().equals(partition);
    }
}
