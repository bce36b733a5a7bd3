-- 1-minute candlesticks of every symbol for one trading day (parameter: the day, 'yyyy-MM-dd'), read from the bars
-- the analytics wrote (stock-analytics/): one stored row per symbol and minute, nothing aggregated from ticks.
-- Same figures as ohlcv_1m.sql on the ticks, for the minutes the analytics have closed.
SELECT symbol,
       window_start AS minute,
       open,
       high,
       low,
       close,
       volume,
       vwap,
       trade_count  AS trades
FROM awsdatacatalog.stock_market.stock_bars_1m
WHERE dt = ?
ORDER BY symbol, minute
