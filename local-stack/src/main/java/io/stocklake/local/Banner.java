package io.stocklake.local;

import io.stocklake.stack.KafkaSecurity;
import java.nio.file.Path;

/** What a person needs to look inside the running stack, ready to copy and paste. */
final class Banner {

    private Banner() {}

    /** {@code buildLog}: the log of the build ./run-local ran, or null. */
    static String text(LocalStackSettings s, Path logsDir, Path workerLog, Path buildLog) {
        return """
                Live page         %s     the market and the pipeline, refreshing itself

                Endpoints (all on 127.0.0.1):
                  Kafka             %s            topic %s%s
                  Kafka Connect     %s
                  S3 (S3Proxy)      %s     bucket %s, access key %s, secret %s, region %s
                  Glue              %s     database %s, table %s
                  Trino             %s     catalog %s

                Look inside:
                  curl -s %s/connectors?expand=status
                  aws --endpoint-url %s s3 ls s3://%s/topics/ --recursive      (AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_REGION=%s)
                  aws --endpoint-url %s glue get-partitions --database-name %s --table-name %s
                  ./run-local query "SELECT symbol, count(*) FROM %s.%s GROUP BY 1"
                Logs in %s: launcher.log (S3, Glue, Trino), broker.log, %s (Connect and the connectors),
                  stock-analytics.log%s
                Ctrl-C stops everything.
                """.formatted(
                        s.dashboardUrl(),
                        s.bootstrapServers(),
                        LocalStackSettings.TOPIC,
                        s.secure()
                                ? ", SASL_SSL + SCRAM-SHA-512: the admin's client settings (for --command-config) are in "
                                        + s.dataDir()
                                                .resolve("kafka-security")
                                                .resolve(KafkaSecurity.ADMIN + "-client.properties")
                                : "",
                        s.connectUrl(),
                        s.s3Endpoint(),
                        LocalStackSettings.BUCKET,
                        LocalStackSettings.ACCESS_KEY,
                        LocalStackSettings.SECRET_KEY,
                        LocalStackSettings.REGION,
                        s.glueEndpoint(),
                        LocalStackSettings.DATABASE,
                        LocalStackSettings.TABLE,
                        s.trinoUrl(),
                        LocalStackSettings.CATALOG,
                        s.connectUrl(),
                        s.s3Endpoint(),
                        LocalStackSettings.BUCKET,
                        LocalStackSettings.ACCESS_KEY,
                        LocalStackSettings.SECRET_KEY,
                        LocalStackSettings.REGION,
                        s.glueEndpoint(),
                        LocalStackSettings.DATABASE,
                        LocalStackSettings.TABLE,
                        LocalStackSettings.DATABASE,
                        LocalStackSettings.TABLE,
                        logsDir,
                        workerLog.getFileName(),
                        buildLog == null ? "" : "; the last build's: " + buildLog);
    }
}
