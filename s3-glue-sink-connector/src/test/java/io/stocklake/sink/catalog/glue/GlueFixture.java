package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.AwsClients;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.ConfigName;
import io.stocklake.sink.config.CredentialsConfig;
import io.stocklake.sink.config.DataFormat;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.testing.GlueRequests;
import io.stocklake.sink.testing.LocalGlue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Catalogs built as the task builds them, against one endpoint, each test in a database of its own. */
final class GlueFixture implements AutoCloseable {

    static final String TABLE = "stock_ticks";
    static final String LOCATION = "s3://stock-lake/topics/stock_ticks/";
    static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final LocalGlue glue;
    final String database = "stock_market_" + DATABASES.incrementAndGet();
    final GlueRequests requests = new GlueRequests();
    final Map<String, String> props = new HashMap<>();
    private final List<PartitionCatalog> opened = new ArrayList<>();

    GlueFixture(LocalGlue glue) {
        this.glue = glue;
        props.put(StorageConfig.S3_BUCKET_NAME, "stock-lake");
        props.put(CredentialsConfig.AWS_ACCESS_KEY_ID, LocalGlue.ACCESS_KEY);
        props.put(CredentialsConfig.AWS_SECRET_ACCESS_KEY, LocalGlue.SECRET_KEY);
        props.put(CatalogConfig.GLUE_ENDPOINT_URL, glue.endpointUrl());
        props.put(CatalogConfig.GLUE_DATABASE, database);
        // Fast retries: the fault tests wait for them.
        props.put(CatalogConfig.GLUE_RETRY_BACKOFF_MS, "1");
        props.put(CatalogConfig.GLUE_RETRY_MAX_BACKOFF_MS, "5");
        props.put(CatalogConfig.GLUE_RETRY_MAX_ATTEMPTS, "4");
    }

    GlueFixture with(String key, String value) {
        props.put(key, value);
        return this;
    }

    /** A new catalog instance, as a (re)started task gets one. */
    PartitionCatalog catalog() {
        return catalog(null);
    }

    PartitionCatalog catalog(PluginMetrics metrics, ExecutionInterceptor... more) {
        List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(more));
        interceptors.add(0, requests);
        PartitionCatalog catalog = new AwsClients(interceptors).catalog(new SinkConfig(props), metrics);
        opened.add(catalog);
        return catalog;
    }

    static TableDefinition definition(Schema schema, String format, String compression) {
        return new TableDefinition(
                new TableRef(TABLE),
                LOCATION,
                List.of("dt", "hour"),
                schema,
                ConfigName.parse(DataFormat.class, format),
                ConfigName.parse(Compression.class, compression));
    }

    static TableDefinition parquet(Schema schema) {
        return definition(schema, "parquet", "snappy");
    }

    static PartitionRegistration partition(String dt, String hour) {
        return new PartitionRegistration(
                new TableRef(TABLE), List.of(dt, hour), LOCATION + "dt=" + dt + "/hour=" + hour + "/");
    }

    /** {@code count} distinct partitions, hour by hour from 2026-01-01. */
    static List<PartitionRegistration> partitions(int count) {
        List<PartitionRegistration> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            partitions.add(partition(
                    java.time.LocalDate.of(2026, 1, 1).plusDays(i / 24).toString(), String.format("%02d", i % 24)));
        }
        return partitions;
    }

    @Override
    public void close() {
        opened.forEach(PartitionCatalog::close);
    }
}
