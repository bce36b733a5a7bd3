package io.stocklake.compaction;

import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.sink.config.ServerSideEncryption;
import io.stocklake.sink.storage.S3ObjectStore;
import io.stocklake.stack.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * The real parts compaction talks to, on loopback: S3Proxy (which enforces conditional writes) and the project's
 * Glue endpoint, holding one Parquet table of ticks partitioned by {@code dt} and {@code hour}, and the sink's files
 * put into it as the sink lands them.
 */
public final class TestLake implements AutoCloseable {

    public static final String BUCKET = "lake";
    public static final String DATABASE = "market";
    public static final String TABLE = "ticks";
    public static final String BASE = "topics/ticks/";

    private final S3Server s3;
    private final GlueEndpoint glueEndpoint;
    private final GlueClient glue;
    private final S3ObjectStore store;
    private final List<Column> columns;
    private long landed;

    private TestLake(S3Server s3, GlueEndpoint glueEndpoint, List<Column> columns) {
        this.s3 = s3;
        this.glueEndpoint = glueEndpoint;
        this.columns = columns;
        this.glue = GlueClient.builder()
                .endpointOverride(glueEndpoint.uri())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
        this.store = new S3ObjectStore(s3.client(), BUCKET, 5 * 1024 * 1024, ServerSideEncryption.NONE, "", List.of());
    }

    /** Starts both servers and creates the table with {@code columns}, its partitions not registered yet. */
    public static TestLake start(List<Column> columns) throws IOException {
        S3Server s3 = S3Server.inMemory().start();
        s3.createBucket(BUCKET);
        GlueEndpoint glueEndpoint = GlueEndpoint.start(
                GlueEndpointConfig.defaults().withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        TestLake lake = new TestLake(s3, glueEndpoint, columns);
        lake.glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        lake.glue.createTable(r -> r.databaseName(DATABASE)
                .tableInput(t -> t.name(TABLE)
                        .partitionKeys(
                                Column.builder().name("dt").type("string").build(),
                                Column.builder().name("hour").type("string").build())
                        .storageDescriptor(lake.descriptor("s3://" + BUCKET + "/" + BASE))));
        return lake;
    }

    public GlueClient glue() {
        return glue;
    }

    public S3ObjectStore store() {
        return store;
    }

    /** The compaction connector's settings for this lake: every partition closed at once, plus {@code overrides}. */
    public CompactionConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(CompactionConfig.S3_BUCKET_NAME, BUCKET);
        props.put(CompactionConfig.S3_ENDPOINT_URL, s3.endpoint().toString());
        props.put(CompactionConfig.S3_PATH_STYLE_ACCESS, "true");
        props.put(CompactionConfig.AWS_ACCESS_KEY_ID, S3Server.ACCESS_KEY);
        props.put(CompactionConfig.AWS_SECRET_ACCESS_KEY, S3Server.SECRET_KEY);
        props.put(CompactionConfig.GLUE_ENDPOINT_URL, glueEndpoint.uri().toString());
        props.put(CompactionConfig.GLUE_DATABASE, DATABASE);
        props.put(CompactionConfig.TABLES, TABLE);
        props.put(CompactionConfig.CLOSED_GRACE_MS, "0");
        props.putAll(overrides);
        return new CompactionConfig(props);
    }

    /** Registers the partition of {@code dt} and {@code hour} at its folder, as the sink does. */
    public void register(String dt, String hour) {
        glue.createPartition(r -> r.databaseName(DATABASE)
                .tableName(TABLE)
                .partitionInput(p ->
                        p.values(dt, hour).storageDescriptor(descriptor("s3://" + BUCKET + "/" + folder(dt, hour)))));
    }

    public Partition partition(String dt, String hour) {
        return glue.getPartition(r -> r.databaseName(DATABASE).tableName(TABLE).partitionValues(dt, hour))
                .partition();
    }

    /** The folder the sink writes the partition's files into. */
    public static String folder(String dt, String hour) {
        return BASE + "dt=" + dt + "/hour=" + hour + "/";
    }

    /**
     * Puts a Parquet file of Kafka partition 0 as the sink names it, after its first offset, and records its batch as
     * landed in the boundary log, as the sink's next batch does: compaction folds only landed files.
     */
    public void putSinkFile(String dt, String hour, long first, int count, byte[] parquet) {
        store.put(folder(dt, hour) + "ticks+0+" + String.format("%020d", first) + ".parquet", parquet);
        landed = Math.max(landed, first + count);
        store.put(
                "topics/_boundaries/ticks/ticks/0/log",
                ("writer w\nlanded " + landed + "\nuploaded " + landed + "\ncuts\n").getBytes(StandardCharsets.UTF_8));
    }

    private StorageDescriptor descriptor(String location) {
        return StorageDescriptor.builder()
                .columns(columns)
                .location(location)
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(SerDeInfo.builder()
                        .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                        .build())
                .build();
    }

    @Override
    public void close() {
        store.close();
        glue.close();
        glueEndpoint.close();
        s3.close();
    }
}
