package io.stocklake.athena;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's aggregates as the table must answer them. The price sum is exact (prices live on a $0.0001 grid, and
 * the query sums them as DECIMAL), so it does not depend on the order rows are added in.
 */
record SymbolAggregates(
        String symbol,
        long ticks,
        long distinctSeqs,
        double minPrice,
        double maxPrice,
        BigDecimal sumPrice,
        int minSize,
        int maxSize,
        long sumSize,
        LocalDateTime firstTime,
        LocalDateTime lastTime) {

    /** The query whose rows {@link #asRow()} matches, over {@code table}. */
    static String query(String table) {
        return "SELECT symbol, count(*), count(DISTINCT seq), min(price), max(price),"
                + " sum(CAST(price AS DECIMAL(18, 4))), min(size), max(size), sum(size), min(event_time), max(event_time)"
                + " FROM " + table + " GROUP BY symbol ORDER BY symbol";
    }

    static SymbolAggregates of(String symbol, List<Tick> ticks) {
        return new SymbolAggregates(
                symbol,
                ticks.size(),
                ticks.stream().mapToLong(Tick::seq).distinct().count(),
                ticks.stream().mapToDouble(Tick::price).min().orElseThrow(),
                ticks.stream().mapToDouble(Tick::price).max().orElseThrow(),
                ticks.stream().map(Tick::exactPrice).reduce(BigDecimal.ZERO, BigDecimal::add),
                ticks.stream().mapToInt(Tick::size).min().orElseThrow(),
                ticks.stream().mapToInt(Tick::size).max().orElseThrow(),
                ticks.stream().mapToLong(Tick::size).sum(),
                ticks.stream().map(Tick::utcTime).min(LocalDateTime::compareTo).orElseThrow(),
                ticks.stream().map(Tick::utcTime).max(LocalDateTime::compareTo).orElseThrow());
    }

    /** The row Trino answers, as plain Java values (BIGINT Long, INTEGER Integer, DECIMAL BigDecimal). */
    List<Object> asRow() {
        return Arrays.asList(
                symbol,
                ticks,
                distinctSeqs,
                minPrice,
                maxPrice,
                sumPrice,
                minSize,
                maxSize,
                sumSize,
                firstTime,
                lastTime);
    }
}
