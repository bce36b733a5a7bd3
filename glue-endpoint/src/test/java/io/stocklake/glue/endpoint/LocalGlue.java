package io.stocklake.glue.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/** A started endpoint and a real SDK GlueClient pointed at it, with the fixtures the tests share. */
final class LocalGlue implements AutoCloseable {
    static final String ACCESS_KEY = "local-access-key";
    static final String SECRET_KEY = "local-secret-key";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    final GlueEndpoint endpoint;
    final GlueClient glue;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalGlue(GlueEndpoint endpoint) {
        this.endpoint = endpoint;
        this.glue = client(ACCESS_KEY, SECRET_KEY);
    }

    static LocalGlue start() {
        return start(GlueEndpointConfig.defaults());
    }

    static LocalGlue start(GlueEndpointConfig config) {
        try {
            return new LocalGlue(GlueEndpoint.start(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client as the sink and Trino build one, but without retries, so each call's answer is seen as sent. */
    GlueClient client(String accessKey, String secretKey) {
        return GlueClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    void createDatabase(String name) {
        glue.createDatabase(CreateDatabaseRequest.builder()
                .databaseInput(DatabaseInput.builder().name(name).build())
                .build());
    }

    void createTable(String database, String table) {
        glue.createTable(CreateTableRequest.builder()
                .databaseName(database)
                .tableInput(ticksTable(table))
                .build());
    }

    /** A Parquet table of ticks partitioned by {@code dt} and {@code hour}, as the sink registers it. */
    static TableInput ticksTable(String name) {
        return TableInput.builder()
                .name(name)
                .tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE"))
                .partitionKeys(column("dt", "string"), column("hour", "string"))
                .storageDescriptor(StorageDescriptor.builder()
                        .columns(column("symbol", "string"), column("price", "double"), column("ts", "timestamp"))
                        .location("s3://lake/ticks/" + name + "/")
                        .inputFormat(PARQUET_INPUT)
                        .outputFormat(PARQUET_OUTPUT)
                        .serdeInfo(SerDeInfo.builder()
                                .serializationLibrary(PARQUET_SERDE)
                                .parameters(Map.of("serialization.format", "1"))
                                .build())
                        .build())
                .build();
    }

    static PartitionInput partition(String table, String dt, String hour) {
        return PartitionInput.builder()
                .values(dt, hour)
                .storageDescriptor(StorageDescriptor.builder()
                        .columns(column("symbol", "string"), column("price", "double"), column("ts", "timestamp"))
                        .location("s3://lake/ticks/" + table + "/dt=" + dt + "/hour=" + hour + "/")
                        .inputFormat(PARQUET_INPUT)
                        .outputFormat(PARQUET_OUTPUT)
                        .serdeInfo(SerDeInfo.builder()
                                .serializationLibrary(PARQUET_SERDE)
                                .build())
                        .build())
                .build();
    }

    static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }

    /** Sends a raw JSON 1.1 request, unsigned, for what the SDK cannot show (shapes, headers, unknown members). */
    HttpResponse<String> raw(String target, String json) {
        return raw(HttpRequest.newBuilder(endpoint.uri().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI admin(String path) {
        return endpoint.uri().resolve(path);
    }

    @Override
    public void close() {
        glue.close();
        endpoint.close();
    }
}
