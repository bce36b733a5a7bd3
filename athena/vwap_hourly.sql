-- Volume-weighted average price per symbol per hour of one day (parameter: the day, 'yyyy-MM-dd').
SELECT symbol,
       hour,
       sum(price * size) / sum(size) AS vwap,
       sum(size)                     AS volume,
       count(*)                      AS trades
FROM awsdatacatalog.stock_market.stock_ticks
WHERE dt = ?
GROUP BY symbol, hour
ORDER BY symbol, hour
