package io.stocklake.trino;

import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.stack.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What Athena reads, on this machine: an S3 server, a Glue endpoint that checks SigV4 signatures, and Trino over
 * both; plus the AWS SDK clients tests write tables and objects with.
 */
final class LocalLake implements AutoCloseable {
    static final String BUCKET = "lake";
    static final AccessKeys GLUE_KEYS = new AccessKeys("glue-local", "glue-secret");

    final S3Server s3;
    final GlueEndpoint glue;
    final TrinoEngine trino;
    final S3Client s3Client;
    final GlueClient glueClient;

    private LocalLake(S3Server s3, GlueEndpoint glue, TrinoEngine trino) {
        this.s3 = s3;
        this.glue = glue;
        this.trino = trino;
        this.s3Client = s3.client();
        this.glueClient = GlueClient.builder()
                .endpointOverride(glue.uri())
                .region(Region.of(TrinoEngineConfig.DEFAULT_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GLUE_KEYS.accessKeyId(), GLUE_KEYS.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static LocalLake start() {
        S3Server s3 = S3Server.inMemory().start();
        GlueEndpoint glue;
        try {
            glue = GlueEndpoint.start(GlueEndpointConfig.defaults()
                    .withCredentials(GLUE_KEYS.accessKeyId(), GLUE_KEYS.secretAccessKey()));
        } catch (IOException e) {
            s3.close();
            throw new UncheckedIOException(e);
        }
        s3.createBucket(BUCKET);
        TrinoEngine trino = TrinoEngine.start(TrinoEngineConfig.of(
                s3.endpoint(), new AccessKeys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY), glue.uri(), GLUE_KEYS));
        return new LocalLake(s3, glue, trino);
    }

    /** {@code s3://lake/<path>}. */
    static String location(String path) {
        return "s3://" + BUCKET + "/" + path;
    }

    void putObject(String key, byte[] content) {
        s3Client.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    void createDatabase(String database) {
        glueClient.createDatabase(request -> request.databaseInput(input -> input.name(database)));
    }

    void createTable(String database, TableInput table) {
        glueClient.createTable(request -> request.databaseName(database).tableInput(table));
    }

    void createPartitions(String database, String table, List<PartitionInput> partitions) {
        var response = glueClient.batchCreatePartition(
                request -> request.databaseName(database).tableName(table).partitionInputList(partitions));
        if (!response.errors().isEmpty()) {
            throw new IllegalStateException("partitions not registered: " + response.errors());
        }
    }

    QueryResult query(String sql) {
        return trino.query(sql);
    }

    @Override
    @SuppressWarnings("try") // the resources are there only to be closed, in reverse order
    public void close() {
        try (S3Server s3Server = s3;
                GlueEndpoint endpoint = glue;
                TrinoEngine engine = trino;
                S3Client s3c = s3Client;
                GlueClient gluec = glueClient) {
            // Clients first, then Trino, then the servers it reads from.
        }
    }
}
