package io.stocklake.sink.testing;

import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** The real Glue-compatible endpoint on 127.0.0.1, plus an independent client to prepare and inspect it. */
public final class LocalGlue implements AutoCloseable {

    /** The sink signs S3 and Glue requests with the same aws.* credentials. */
    public static final String ACCESS_KEY = S3ProxyServer.ACCESS_KEY;

    public static final String SECRET_KEY = S3ProxyServer.SECRET_KEY;

    public final GlueEndpoint endpoint;
    public final GlueClient inspector;

    public LocalGlue() throws IOException {
        endpoint = GlueEndpoint.start(GlueEndpointConfig.defaults().withCredentials(ACCESS_KEY, SECRET_KEY));
        inspector = GlueClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public String endpointUrl() {
        return endpoint.uri().toString();
    }

    public Table table(String database, String name) {
        return inspector.getTable(r -> r.databaseName(database).name(name)).table();
    }

    public List<Partition> partitions(String database, String table) {
        return inspector.getPartitionsPaginator(r -> r.databaseName(database).tableName(table)).stream()
                .flatMap(page -> page.partitions().stream())
                .toList();
    }

    @Override
    public void close() {
        inspector.close();
        endpoint.close();
    }
}
