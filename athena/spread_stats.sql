-- Bid/ask spread statistics per symbol for one day, in dollars and in basis points of the mid
-- (parameter: the day, 'yyyy-MM-dd').
SELECT symbol,
       count(*)                                             AS quotes,
       min(ask - bid)                                       AS min_spread,
       avg(ask - bid)                                       AS avg_spread,
       max(ask - bid)                                       AS max_spread,
       avg(10000 * (ask - bid) / ((ask + bid) / 2))         AS avg_spread_bps
FROM awsdatacatalog.stock_market.stock_ticks
WHERE dt = ?
GROUP BY symbol
ORDER BY symbol
