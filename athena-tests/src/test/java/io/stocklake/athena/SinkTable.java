package io.stocklake.athena;

import io.stocklake.testing.StackConfigs;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sink connector of the compatibility matrix and the Glue table it writes: a format, a compression, and whether
 * the table uses partition projection (no partitions registered) instead of registered partitions.
 */
record SinkTable(String format, String compression, boolean projected) {

    static final String BUCKET = "stock-lake";
    static final String DATABASE = "stock_market";
    /** Projected dates span the ticks' days and little more: Trino lists every projected partition a query keeps. */
    static final String PROJECTION_DATE_RANGE = "2026-03-01,2026-03-04";

    /** Every format with every compression Athena reads for it, plus one projection table per format. */
    static List<SinkTable> matrix() {
        return List.of(
                new SinkTable("json", "none", false),
                new SinkTable("json", "gzip", false),
                new SinkTable("json", "zstd", false),
                new SinkTable("csv", "none", false),
                new SinkTable("csv", "gzip", false),
                new SinkTable("csv", "zstd", false),
                new SinkTable("parquet", "snappy", false),
                new SinkTable("parquet", "zstd", false),
                new SinkTable("parquet", "gzip", false),
                new SinkTable("json", "gzip", true),
                new SinkTable("csv", "zstd", true),
                new SinkTable("parquet", "snappy", true));
    }

    static SinkTable of(String format, String compression, boolean projected) {
        SinkTable wanted = new SinkTable(format, compression, projected);
        if (!matrix().contains(wanted)) {
            throw new IllegalArgumentException(wanted + " is not in the matrix");
        }
        return wanted;
    }

    /** {@code ticks_parquet_zstd}, {@code ticks_json_gzip_projected}: also the folder under {@code topics/}. */
    String name() {
        return "ticks_" + format + "_" + compression + (projected ? "_projected" : "");
    }

    /** {@code stock_market.ticks_parquet_zstd}, as queries name it in the {@code awsdatacatalog} catalog. */
    String qualifiedName() {
        return DATABASE + "." + name();
    }

    String connectorName() {
        return name().replace('_', '-');
    }

    /** {@code s3://stock-lake/topics/ticks_parquet_zstd/}. */
    String location() {
        return "s3://" + BUCKET + "/topics/" + name() + "/";
    }

    /** The connector's configuration: the example of connect-configs/ with the matrix's settings, local endpoints. */
    Map<String, String> connectorConfig(
            String topic, URI s3Endpoint, String s3AccessKey, String s3SecretKey, URI glueEndpoint) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.stocklake.sink.S3GlueSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("s3.bucket.name", BUCKET);
        config.put("s3.region", "us-east-1");
        config.putAll(StackConfigs.s3Endpoint(s3Endpoint));
        config.put("s3.path.style.access", "true");
        config.put("aws.access.key.id", s3AccessKey);
        config.put("aws.secret.access.key", s3SecretKey);
        config.put("topics.dir", "topics");
        config.put("table.name", name());
        config.put("format", format);
        config.put("compression", compression);
        config.put("partition.time.source", "record");
        config.put("path.format", "'dt'=yyyy-MM-dd/'hour'=HH");
        config.put("timezone", "UTC");
        // Several files per partition and per Kafka partition; the schedule closes the last ones once the topic is
        // idle.
        config.put("flush.size", "700");
        config.put("rotate.schedule.interval.ms", "2000");
        config.put("buffer.max.bytes", Long.toString(8L << 20));
        config.put("glue.enabled", "true");
        config.put("glue.endpoint.url", glueEndpoint.toString());
        config.put("glue.region", "us-east-1");
        config.put("glue.database", DATABASE);
        config.put("glue.table.auto.create", "true");
        config.put("glue.partition.registration", Boolean.toString(!projected));
        config.put("glue.partition.projection.enabled", Boolean.toString(projected));
        if (projected) {
            config.put("glue.partition.projection.date.range", PROJECTION_DATE_RANGE);
        }
        return config;
    }

    @Override
    public String toString() {
        return format + "/" + compression + (projected ? " (projection)" : "");
    }
}
