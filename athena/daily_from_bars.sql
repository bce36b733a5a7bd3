-- Each symbol's day from its 1-minute bars (parameter: the day, 'yyyy-MM-dd'): open, high, low, close, volume and
-- VWAP, read from one row per minute instead of every tick.
SELECT symbol,
       min_by(open, window_start)            AS open,
       max(high)                             AS high,
       min(low)                              AS low,
       max_by(close, window_start)           AS close,
       sum(volume)                           AS volume,
       sum(vwap * volume) / sum(volume)      AS vwap,
       sum(trade_count)                      AS trades
FROM awsdatacatalog.stock_market.stock_bars_1m
WHERE dt = ?
GROUP BY symbol
ORDER BY symbol
