package io.stocklake.bench.peer;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Apache Iceberg's Kafka Connect sink, configured to write the benchmark's topic into an Iceberg table on the
 * stack's S3 server: a JDBC catalog on an SQLite file (the only local catalog that needs no server), S3FileIO for
 * the data, hourly partitions of the event time, Parquet with Iceberg's default codec (zstd), a commit every
 * second. The converters are the caller's: the same as our sink's.
 */
final class IcebergSinkConfig {

    static final String CONNECTOR_CLASS = "org.apache.iceberg.connect.IcebergSinkConnector";
    static final String COMMIT_INTERVAL_MS = "1000";

    private IcebergSinkConfig() {}

    static Map<String, String> forTopic(
            PipelineStack stack, String topic, String table, String controlTopic, Path catalogFile, String bucket) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("iceberg.tables", "bench." + table);
        c.put("iceberg.tables.auto-create-enabled", "true");
        // The same hourly partitions as ours (dt/hour from event_time), so both write the same number of files.
        c.put("iceberg.tables.default-partition-by", "hour(event_time)");
        c.put("iceberg.control.topic", controlTopic);
        c.put("iceberg.control.commit.interval-ms", COMMIT_INTERVAL_MS);
        // Its own clients for the control topic and the offset commits do not inherit the worker's settings.
        c.put("iceberg.kafka.bootstrap.servers", stack.broker().bootstrapServers());
        c.put("iceberg.catalog.catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
        c.put("iceberg.catalog.uri", "jdbc:sqlite:" + catalogFile.toAbsolutePath());
        c.put("iceberg.catalog.jdbc.schema-version", "V1");
        c.put("iceberg.catalog.warehouse", "s3://" + bucket + "/warehouse");
        c.put("iceberg.catalog.io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        c.put("iceberg.catalog.s3.endpoint", stack.s3().endpoint().toString());
        c.put("iceberg.catalog.s3.path-style-access", "true");
        c.put("iceberg.catalog.s3.access-key-id", S3Server.ACCESS_KEY);
        c.put("iceberg.catalog.s3.secret-access-key", S3Server.SECRET_KEY);
        c.put("iceberg.catalog.client.region", S3Server.REGION);
        return c;
    }
}
