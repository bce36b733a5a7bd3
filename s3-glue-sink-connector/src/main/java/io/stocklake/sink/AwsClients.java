package io.stocklake.sink;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.glue.GlueCatalogs;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.storage.S3ClientFactory;
import io.stocklake.sink.storage.S3ObjectStore;
import java.util.List;
import org.apache.kafka.common.metrics.PluginMetrics;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Where a task's S3 store and Glue catalog come from: clients built from its settings, with the observers it was
 * given added to each (interceptors that see every request the clients send). A task Connect starts has none;
 * whoever builds a task around other observers (request logs, fault drills) hands them in here.
 */
public final class AwsClients {

    private final List<ExecutionInterceptor> observers;

    /** Clients without observers of their own, as Connect's tasks use them. */
    public AwsClients() {
        this(List.of());
    }

    public AwsClients(List<ExecutionInterceptor> observers) {
        this.observers = List.copyOf(observers);
    }

    public S3ObjectStore objectStore(SinkConfig config) {
        return S3ClientFactory.objectStore(config, observers);
    }

    /** @param metrics the task's plugin metrics, or null on workers without them */
    public PartitionCatalog catalog(SinkConfig config, PluginMetrics metrics) {
        return GlueCatalogs.create(config, metrics, observers);
    }
}
