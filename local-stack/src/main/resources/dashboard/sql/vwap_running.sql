-- The page's VWAP line: the day's volume-weighted average price up to the end of each minute, per symbol
-- (parameter: the day, 'yyyy-MM-dd'). vwap_hourly.sql gives one value per hour; a chart of 1-minute bars wants
-- the running value.
SELECT symbol,
       minute,
       sum(notional) OVER (PARTITION BY symbol ORDER BY minute) / sum(volume) OVER (PARTITION BY symbol ORDER BY minute) AS vwap
FROM (
    SELECT symbol,
           date_trunc('minute', event_time) AS minute,
           sum(price * size)                AS notional,
           sum(size)                        AS volume
    FROM awsdatacatalog.stock_market.stock_ticks
    WHERE dt = ?
    GROUP BY symbol, date_trunc('minute', event_time)
)
ORDER BY symbol, minute
