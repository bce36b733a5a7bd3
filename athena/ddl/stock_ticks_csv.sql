-- The table the sink creates for format=csv, compression=gzip: comma-separated values with a header line, no
-- quoting, empty fields as NULL, timestamps as 'yyyy-MM-dd HH:mm:ss.SSS' in UTC, read by LazySimpleSerDe (typed
-- columns; OpenCSVSerde would read them all as strings in Athena engine v3). Columns are read by position, so keep
-- their order. Replace the bucket and prefix with yours. Partitions are registered by the sink.
CREATE EXTERNAL TABLE IF NOT EXISTS stock_market.stock_ticks (
  `symbol`     string,
  `exchange`   string,
  `event_time` timestamp,
  `seq`        bigint,
  `price`      double,
  `size`       int,
  `bid`        double,
  `ask`        double,
  `bid_size`   int,
  `ask_size`   int,
  `day_volume` bigint
)
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES (
  'field.delim'               = ',',
  'serialization.format'      = ',',
  'serialization.null.format' = ''
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://stock-lake/topics/stock_ticks/'
TBLPROPERTIES (
  'classification'         = 'csv',
  'compressionType'        = 'gzip',
  'skip.header.line.count' = '1'
);
