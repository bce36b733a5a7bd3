-- The table the sink creates for format=parquet, compression=snappy with glue.partition.projection.enabled=true
-- (and glue.partition.registration=false): Athena computes the partitions from the query's dt/hour filter and
-- storage.location.template instead of reading them from Glue, so no partition is ever registered. Queries should
-- filter on dt (and hour). projection.dt.range is glue.partition.projection.date.range: the dates below are an
-- example; Athena also takes relative bounds such as 'NOW-1YEARS,NOW' (Trino only NOW-n DAYS/HOURS/MINUTES/SECONDS).
-- Replace the bucket and prefix with yours, in LOCATION and in storage.location.template.
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
  'classification'             = 'parquet',
  'compressionType'            = 'snappy',
  'parquet.compression'        = 'SNAPPY',
  'projection.enabled'         = 'true',
  'projection.dt.type'         = 'date',
  'projection.dt.format'       = 'yyyy-MM-dd',
  'projection.dt.range'        = '2026-03-01,2026-03-04',
  'projection.dt.interval'     = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'projection.hour.type'       = 'integer',
  'projection.hour.range'      = '0,23',
  'projection.hour.digits'     = '2',
  'storage.location.template'  = 's3://stock-lake/topics/stock_ticks/dt=${dt}/hour=${hour}/'
);
