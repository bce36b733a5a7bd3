-- The table the sink creates for format=json, compression=gzip: JSON lines in .json.gz files, read by the HCatalog
-- JsonSerDe (timestamps as 'yyyy-MM-dd HH:mm:ss.SSS' in UTC). Athena picks the decompressor by file extension, so
-- the same table reads .json, .json.gz and .json.zst files; compressionType only documents what the sink writes.
-- Replace the bucket and prefix with yours. Partitions are registered by the sink.
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
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://stock-lake/topics/stock_ticks/'
TBLPROPERTIES (
  'classification'  = 'json',
  'compressionType' = 'gzip'
);
