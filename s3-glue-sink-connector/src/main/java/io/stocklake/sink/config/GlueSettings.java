package io.stocklake.sink.config;

import java.time.Duration;

/**
 * The Glue Data Catalog settings ({@code glue.*}), parsed.
 *
 * @param enabled               false: files land in S3 only
 * @param database              database the tables live in
 * @param table                 catalog table name for every sink table; empty: the sink's table name
 * @param catalogId             account id of the catalog; empty: the caller's account
 * @param region                region of the catalog; empty: {@code s3.region}, or the AWS SDK's region chain
 * @param endpointUrl           Glue-compatible endpoint; empty: AWS Glue in the region
 * @param autoCreate            create a missing database and table (and append new optional columns)
 * @param registerPartitions    register each new partition with BatchCreatePartition
 * @param projection            declare Athena partition projection on created tables
 * @param projectionDateRange   {@code projection.<key>.range} of date-typed partition keys
 * @param partitionCacheSize    known partitions remembered per task
 * @param partitionCacheTtl     how long a remembered partition is trusted before it is looked up again
 * @param retryMaxAttempts      attempts per Glue request
 * @param retryBackoff          base delay of the SDK's exponential backoff
 * @param retryMaxBackoff       longest delay between two attempts
 */
public record GlueSettings(boolean enabled, String database, String table, String catalogId, String region,
                           String endpointUrl, boolean autoCreate, boolean registerPartitions, boolean projection,
                           String projectionDateRange, int partitionCacheSize, Duration partitionCacheTtl,
                           int retryMaxAttempts,
                           Duration retryBackoff, Duration retryMaxBackoff) {

    /** The catalog table a sink table is registered as. */
    public String tableFor(String sinkTable) {
        return table.isEmpty() ? sinkTable : table;
    }
}
