-- Ticks per second over one hour of one day, all symbols together (parameters: the day 'yyyy-MM-dd', the hour 'HH').
SELECT date_trunc('second', event_time) AS second,
       count(*)                         AS ticks
FROM awsdatacatalog.stock_market.stock_ticks
WHERE dt = ? AND hour = ?
GROUP BY date_trunc('second', event_time)
ORDER BY second
