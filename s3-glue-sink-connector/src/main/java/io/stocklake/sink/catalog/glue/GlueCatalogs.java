package io.stocklake.sink.catalog.glue;

import java.util.ArrayList;
import java.util.List;
import io.stocklake.sink.catalog.NoopPartitionCatalog;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.GlueSettings;
import io.stocklake.sink.config.S3SinkConfig;
import io.stocklake.sink.storage.S3ClientFactory;
import org.apache.kafka.common.metrics.PluginMetrics;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The catalog the settings ask for: Glue, or none when {@code glue.enabled=false}. */
public final class GlueCatalogs {

    private GlueCatalogs() {
    }

    /**
     * @param metrics      the task's plugin metrics, or null on workers without them
     * @param interceptors observers of every Glue request (tests); none in production
     */
    public static PartitionCatalog create(S3SinkConfig config, PluginMetrics metrics,
                                          ExecutionInterceptor... interceptors) {
        GlueSettings settings = config.glue();
        if (!settings.enabled()) {
            return new NoopPartitionCatalog();
        }
        List<AutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider credentials = S3ClientFactory.credentials(config, resources);
        GlueMetrics glueMetrics = GlueMetrics.of(metrics);
        PartitionProjection projection = settings.projection()
                ? new PartitionProjection(config.pathTemplate(), settings.projectionDateRange()) : null;
        return new GlueCatalog(GlueClientFactory.client(settings, credentials, glueMetrics, List.of(interceptors)),
                settings, projection, glueMetrics, resources);
    }
}
