-- 1-minute OHLCV bars per symbol for one trading day (parameter: the day, 'yyyy-MM-dd').
-- Open and close are the first and last trade of the minute by the per-symbol sequence number.
SELECT symbol,
       date_trunc('minute', event_time) AS minute,
       min_by(price, seq)               AS open,
       max(price)                       AS high,
       min(price)                       AS low,
       max_by(price, seq)               AS close,
       sum(size)                        AS volume,
       count(*)                         AS trades
FROM awsdatacatalog.stock_market.stock_ticks
WHERE dt = ?
GROUP BY symbol, date_trunc('minute', event_time)
ORDER BY symbol, minute
