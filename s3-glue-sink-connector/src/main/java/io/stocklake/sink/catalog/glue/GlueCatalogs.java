package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.NoopPartitionCatalog;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.storage.S3ClientFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.PluginMetrics;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The catalog the settings ask for: Glue, or none when {@code glue.enabled=false}. */
public final class GlueCatalogs {

    private GlueCatalogs() {}

    /**
     * @param metrics   the task's plugin metrics, or null on workers without them
     * @param observers interceptors added to the Glue client, which see every request it sends
     */
    public static PartitionCatalog create(
            SinkConfig config, PluginMetrics metrics, List<ExecutionInterceptor> observers) {
        CatalogConfig settings = config.catalog();
        if (!settings.enabled()) {
            return new NoopPartitionCatalog();
        }
        List<AutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider credentials = S3ClientFactory.credentials(config, resources);
        GlueMetrics glueMetrics = GlueMetrics.of(metrics);
        PartitionProjection projection = settings.projection()
                ? new PartitionProjection(settings.projectedTemplate(), settings.projectionDateRange())
                : null;
        return new GlueCatalog(
                GlueClientFactory.client(settings, credentials, glueMetrics, observers),
                settings,
                projection,
                glueMetrics,
                resources);
    }
}
