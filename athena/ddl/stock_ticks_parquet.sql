-- The table the sink creates for format=parquet, compression=snappy (connect-configs/s3-glue-sink.json), for when
-- you create it yourself (glue.table.auto.create=false) or recreate it. Partitions are registered by the sink
-- (glue.partition.registration=true); for files written with registration off, run MSCK REPAIR TABLE once or use
-- the projection variant. Replace the bucket and prefix with yours; with compression=zstd or gzip set
-- compressionType and parquet.compression (ZSTD, GZIP) to match. Names are in backticks: EXCHANGE is reserved in
-- Athena DDL.
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
ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
WITH SERDEPROPERTIES ('serialization.format' = '1')
STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'
LOCATION 's3://stock-lake/topics/stock_ticks/'
TBLPROPERTIES (
  'classification'      = 'parquet',
  'compressionType'     = 'snappy',
  'parquet.compression' = 'SNAPPY'
);
