-- The page's spread chart: average bid/ask spread per symbol and minute of one day, in dollars
-- (parameter: the day, 'yyyy-MM-dd'). Not an athena/ file: no shipped query gives the spread over time.
SELECT symbol,
       date_trunc('minute', event_time) AS minute,
       avg(ask - bid)                   AS avg_spread,
       max(ask - bid)                   AS max_spread
FROM awsdatacatalog.stock_market.stock_ticks
WHERE dt = ?
GROUP BY symbol, date_trunc('minute', event_time)
ORDER BY symbol, minute
