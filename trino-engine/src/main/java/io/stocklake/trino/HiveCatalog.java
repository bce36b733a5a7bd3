package io.stocklake.trino;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Hive catalog that reads tables as Athena engine v3 does: definitions from Glue, objects from S3, rows through
 * the table's SerDe. Every property is one Trino 476 knows (an unknown one stops Trino at startup).
 */
final class HiveCatalog {
    static final String CONNECTOR_NAME = "hive";

    private HiveCatalog() {}

    static Map<String, String> properties(TrinoEngineConfig config) {
        Map<String, String> properties = new LinkedHashMap<>();
        // Objects: Trino's own S3 client (AWS SDK v2), path-style because S3-compatible servers rarely have
        // per-bucket host names.
        properties.put("fs.native-s3.enabled", "true");
        properties.put("s3.endpoint", config.s3Endpoint().toString());
        properties.put("s3.region", config.region());
        properties.put("s3.path-style-access", "true");
        properties.put("s3.aws-access-key", config.s3Keys().accessKeyId());
        properties.put("s3.aws-secret-key", config.s3Keys().secretAccessKey());
        // Table definitions: Glue, at our endpoint. Trino insists on a region once an endpoint is given.
        properties.put("hive.metastore", "glue");
        properties.put("hive.metastore.glue.region", config.region());
        properties.put("hive.metastore.glue.endpoint-url", config.glueEndpoint().toString());
        properties.put("hive.metastore.glue.aws-access-key", config.glueKeys().accessKeyId());
        properties.put("hive.metastore.glue.aws-secret-key", config.glueKeys().secretAccessKey());
        // Athena sees a partition as soon as it is registered: no metadata cache between Glue and the query.
        properties.put("hive.metastore-cache-ttl", "0s");
        // Athena honours projection.* table properties; Trino's default is on too, stated here because the tests
        // and the sink rely on it.
        properties.put("hive.partition-projection-enabled", "true");
        // Athena reads UTC-adjusted Parquet timestamps as UTC wall-clock times; Trino would use the JVM's zone.
        properties.put("hive.parquet.time-zone", "UTC");
        // Athena's TIMESTAMP has millisecond precision.
        properties.put("hive.timestamp-precision", "MILLISECONDS");
        // Reads only, for every user, anonymous ones included: the sink registers tables and partitions in Glue
        // itself, and nothing of this project writes through Trino, so no caller may create or change anything.
        properties.put("hive.security", "read-only");
        return Collections.unmodifiableMap(properties);
    }
}
