-- The alerts of one day (parameter: the day, 'yyyy-MM-dd'), newest first: returns beyond k standard deviations,
-- volume spikes, locked and crossed quotes, each with the value seen, the threshold it crossed and a sentence.
SELECT event_time,
       symbol,
       alert_type,
       observed,
       threshold,
       detail
FROM awsdatacatalog.stock_market.stock_alerts
WHERE dt = ?
ORDER BY event_time DESC, symbol
