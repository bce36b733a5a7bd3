package io.stocklake.athena;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each analytics query of {@code athena/} must answer over the produced ticks, computed in Java from the Kafka
 * records alone, and the query rows read into the same shapes. Each record is one row of its query, in its columns'
 * order.
 */
final class ExpectedAnswers {

    private ExpectedAnswers() {}

    /** {@code ohlcv_1m.sql}: one bar per symbol and minute of the day; open/close by sequence number. */
    record OhlcvBar(
            String symbol,
            LocalDateTime minute,
            double open,
            double high,
            double low,
            double close,
            long volume,
            long trades) {

        static List<OhlcvBar> expected(ProducedTicks produced, String day) {
            return grouped(produced.where(ProducedTicks.onDay(day)), t -> t.symbol() + " " + minute(t))
                    .values()
                    .stream()
                    .map(bar -> new OhlcvBar(
                            bar.get(0).symbol(),
                            minute(bar.get(0)),
                            bar.get(0).price(),
                            bar.stream().mapToDouble(Tick::price).max().orElseThrow(),
                            bar.stream().mapToDouble(Tick::price).min().orElseThrow(),
                            bar.get(bar.size() - 1).price(),
                            bar.stream().mapToLong(Tick::size).sum(),
                            bar.size()))
                    .sorted(Comparator.comparing(OhlcvBar::symbol).thenComparing(OhlcvBar::minute))
                    .toList();
        }

        static OhlcvBar fromRow(List<Object> row) {
            return new OhlcvBar(
                    (String) row.get(0),
                    (LocalDateTime) row.get(1),
                    (Double) row.get(2),
                    (Double) row.get(3),
                    (Double) row.get(4),
                    (Double) row.get(5),
                    (Long) row.get(6),
                    (Long) row.get(7));
        }

        private static LocalDateTime minute(Tick tick) {
            return tick.utcTime().truncatedTo(ChronoUnit.MINUTES);
        }
    }

    /** {@code vwap_hourly.sql}: volume-weighted average price per symbol and hour partition of the day. */
    record HourlyVwap(String symbol, String hour, double vwap, long volume, long trades) {

        static List<HourlyVwap> expected(ProducedTicks produced, String day) {
            return grouped(
                            produced.where(ProducedTicks.onDay(day)),
                            t -> t.symbol() + " " + t.partition().hour())
                    .values()
                    .stream()
                    .map(ticks -> {
                        long volume = ticks.stream().mapToLong(Tick::size).sum();
                        double notional = ticks.stream()
                                .mapToDouble(t -> t.price() * t.size())
                                .sum();
                        return new HourlyVwap(
                                ticks.get(0).symbol(),
                                ticks.get(0).partition().hour(),
                                notional / volume,
                                volume,
                                ticks.size());
                    })
                    .sorted(Comparator.comparing(HourlyVwap::symbol).thenComparing(HourlyVwap::hour))
                    .toList();
        }

        static HourlyVwap fromRow(List<Object> row) {
            return new HourlyVwap(
                    (String) row.get(0), (String) row.get(1), (Double) row.get(2), (Long) row.get(3), (Long)
                            row.get(4));
        }
    }

    /** {@code top_movers.sql}: the ten symbols that moved most over the day, first to last trade. */
    record Mover(String symbol, double firstPrice, double lastPrice, double changePct, long volume) {

        static List<Mover> expected(ProducedTicks produced, String day) {
            return grouped(produced.where(ProducedTicks.onDay(day)), Tick::symbol).values().stream()
                    .map(ticks -> {
                        double first = ticks.get(0).price();
                        double last = ticks.get(ticks.size() - 1).price();
                        return new Mover(
                                ticks.get(0).symbol(),
                                first,
                                last,
                                roundHalfAwayFromZero(100 * (last - first) / first),
                                ticks.stream().mapToLong(Tick::size).sum());
                    })
                    .sorted(Comparator.comparingDouble(
                                    (Mover m) -> Math.abs(m.lastPrice() - m.firstPrice()) / m.firstPrice())
                            .reversed()
                            .thenComparing(Mover::symbol))
                    .limit(10)
                    .toList();
        }

        static Mover fromRow(List<Object> row) {
            return new Mover((String) row.get(0), (Double) row.get(1), (Double) row.get(2), (Double) row.get(3), (Long)
                    row.get(4));
        }

        /** SQL's round(x, 2): halves away from zero. */
        private static double roundHalfAwayFromZero(double value) {
            return Math.signum(value) * Math.round(Math.abs(value) * 100) / 100.0;
        }
    }

    /** {@code spread_stats.sql}: bid/ask spread per symbol over the day, in dollars and basis points of the mid. */
    record SpreadStats(
            String symbol, long quotes, double minSpread, double avgSpread, double maxSpread, double avgSpreadBps) {

        static List<SpreadStats> expected(ProducedTicks produced, String day) {
            return grouped(produced.where(ProducedTicks.onDay(day)), Tick::symbol).values().stream()
                    .map(ticks -> new SpreadStats(
                            ticks.get(0).symbol(),
                            ticks.size(),
                            ticks.stream()
                                    .mapToDouble(t -> t.ask() - t.bid())
                                    .min()
                                    .orElseThrow(),
                            ticks.stream()
                                    .mapToDouble(t -> t.ask() - t.bid())
                                    .average()
                                    .orElseThrow(),
                            ticks.stream()
                                    .mapToDouble(t -> t.ask() - t.bid())
                                    .max()
                                    .orElseThrow(),
                            ticks.stream()
                                    .mapToDouble(t -> 10000 * (t.ask() - t.bid()) / ((t.ask() + t.bid()) / 2))
                                    .average()
                                    .orElseThrow()))
                    .sorted(Comparator.comparing(SpreadStats::symbol))
                    .toList();
        }

        static SpreadStats fromRow(List<Object> row) {
            return new SpreadStats(
                    (String) row.get(0),
                    (Long) row.get(1),
                    (Double) row.get(2),
                    (Double) row.get(3),
                    (Double) row.get(4),
                    (Double) row.get(5));
        }
    }

    /** {@code ticks_per_second.sql}: ticks of all symbols per second of one hour partition. */
    record TicksInSecond(LocalDateTime second, long ticks) {

        static List<TicksInSecond> expected(ProducedTicks produced, HivePartition partition) {
            return produced.where(ProducedTicks.inPartition(partition)).stream()
                    .collect(Collectors.groupingBy(
                            t -> t.utcTime().truncatedTo(ChronoUnit.SECONDS), TreeMap::new, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .map(e -> new TicksInSecond(e.getKey(), e.getValue()))
                    .toList();
        }

        static TicksInSecond fromRow(List<Object> row) {
            return new TicksInSecond((LocalDateTime) row.get(0), (Long) row.get(1));
        }
    }

    /** Groups ticks (given in symbol and sequence order) by a key, keeping that order within each group. */
    private static Map<String, List<Tick>> grouped(List<Tick> ticks, Function<Tick, String> key) {
        return ticks.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
