-- Top movers of one day: change from the first to the last trade, in percent (parameter: the day, 'yyyy-MM-dd').
SELECT symbol,
       first_price,
       last_price,
       round(100 * (last_price - first_price) / first_price, 2) AS change_pct,
       volume
FROM (
    SELECT symbol,
           min_by(price, seq) AS first_price,
           max_by(price, seq) AS last_price,
           sum(size)          AS volume
    FROM awsdatacatalog.stock_market.stock_ticks
    WHERE dt = ?
    GROUP BY symbol
)
ORDER BY abs(last_price - first_price) / first_price DESC, symbol
LIMIT 10
