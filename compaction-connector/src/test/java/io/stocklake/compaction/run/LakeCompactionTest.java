package io.stocklake.compaction.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.rewrite.ParquetFiles;
import io.stocklake.compaction.swap.Outcome;
import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.sink.config.ServerSideEncryption;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.storage.ObjectChangedException;
import io.stocklake.sink.storage.S3ObjectStore;
import io.stocklake.stack.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * A compaction pass on the real parts it talks to: S3Proxy (which enforces conditional writes) and the project's
 * Glue endpoint, with files the sink's own Parquet encoder wrote.
 */
class LakeCompactionTest {

    private static final String BUCKET = "lake";
    private static final String DATABASE = "market";
    private static final String TABLE = "ticks";
    private static final String BASE = "topics/ticks/";

    /** The schema the sink wrote first; the table gained {@code exchange} later. */
    private static final Schema OLD = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private static final Schema NEW = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("exchange", Schema.OPTIONAL_STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private static S3Server s3;
    private static GlueEndpoint glueEndpoint;
    private static GlueClient glue;
    private static S3ObjectStore store;
    private static long landed;

    @BeforeAll
    static void start() throws IOException {
        s3 = S3Server.inMemory().start();
        s3.createBucket(BUCKET);
        glueEndpoint = GlueEndpoint.start(
                GlueEndpointConfig.defaults().withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        glue = GlueClient.builder()
                .endpointOverride(glueEndpoint.uri())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
        store = new S3ObjectStore(s3.client(), BUCKET, 5 * 1024 * 1024, ServerSideEncryption.NONE, "", List.of());
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        glue.createTable(r -> r.databaseName(DATABASE)
                .tableInput(t -> t.name(TABLE)
                        .partitionKeys(
                                Column.builder().name("dt").type("string").build(),
                                Column.builder().name("hour").type("string").build())
                        .storageDescriptor(descriptor("s3://" + BUCKET + "/" + BASE))));
    }

    @AfterAll
    static void stop() {
        store.close();
        glue.close();
        glueEndpoint.close();
        s3.close();
    }

    @Test
    void aClosedPartitionBecomesFewSortedFilesInTheTablesSchemaAndCodecAndTheOpenOneStays() throws IOException {
        register("2026-11-24", "03");
        register("2026-11-24", "05");
        List<Struct> written = new ArrayList<>();
        for (int file = 0; file < 6; file++) {
            Schema schema = file < 3 ? OLD : NEW;
            written.addAll(sinkFile("2026-11-24", "03", file * 100L, schema, 100));
        }
        sinkFile("2026-11-24", "05", 0, NEW, 100);
        sinkFile("2026-11-24", "05", 100, NEW, 100);

        PassReport report = Compaction.pass(
                        config(Map.of(CompactionConfig.TARGET_FILE_BYTES, "4096")), store, glue, "test")
                .run(List.of(TABLE));

        assertThat(report.count(Outcome.COMPACTED)).as(report.toString()).isEqualTo(1);
        String location = partition("2026-11-24", "03").storageDescriptor().location();
        assertThat(location).startsWith("s3://" + BUCKET + "/" + BASE + "dt=2026-11-24/hour=03/_compacted/g000001-");
        String folder = location.substring(("s3://" + BUCKET + "/").length());
        List<String> outputs = store.list(folder);
        assertThat(outputs).hasSizeBetween(2, 5).allMatch(k -> k.endsWith(".parquet"));
        List<Struct> read = new ArrayList<>();
        Comparator<Struct> order = Comparator.comparing((Struct s) -> s.getString("symbol"))
                .thenComparing(s -> (Date) s.get("event_time"));
        for (String key : outputs) {
            byte[] file = store.get(key);
            assertThat(ParquetFiles.codec(file)).isEqualTo(CompressionCodecName.ZSTD);
            List<Struct> rows = ParquetFiles.rows(file, NEW);
            assertThat(rows).isSortedAccordingTo(order);
            read.addAll(rows);
        }
        assertThat(read)
                .extracting(LakeCompactionTest::identity)
                .containsExactlyInAnyOrderElementsOf(
                        written.stream().map(LakeCompactionTest::identity).toList());
        assertThat(read).filteredOn(s -> s.get("exchange") == null).hasSize(300);
        assertThat(partition("2026-11-24", "05").storageDescriptor().location())
                .isEqualTo("s3://" + BUCKET + "/" + BASE + "dt=2026-11-24/hour=05/");
    }

    @Test
    void ofTwoConditionalWritesOnOneVersionTheServerLetsOnlyOneLand() {
        String key = BASE + "dt=2026-11-24/hour=09/_compacted/state.json";
        String first = store.putIf(key, "{}".getBytes(), null);

        store.putIf(key, "{\"generation\":1}".getBytes(), first);

        assertThatThrownBy(() -> store.putIf(key, "{\"generation\":2}".getBytes(), first))
                .isInstanceOf(ObjectChangedException.class);
        assertThatThrownBy(() -> store.putIf(key, "{}".getBytes(), null)).isInstanceOf(ObjectChangedException.class);
    }

    private static String identity(Struct row) {
        return row.getString("symbol") + "@" + ((Date) row.get("event_time")).getTime() + "=" + row.get("price");
    }

    private static CompactionConfig config(Map<String, String> overrides) {
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

    private static StorageDescriptor descriptor(String location) {
        return StorageDescriptor.builder()
                .columns(
                        Column.builder().name("symbol").type("string").build(),
                        Column.builder().name("exchange").type("string").build(),
                        Column.builder().name("event_time").type("timestamp").build(),
                        Column.builder().name("price").type("double").build())
                .location(location)
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(SerDeInfo.builder()
                        .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                        .build())
                .build();
    }

    private static void register(String dt, String hour) {
        glue.createPartition(r -> r.databaseName(DATABASE)
                .tableName(TABLE)
                .partitionInput(p -> p.values(dt, hour)
                        .storageDescriptor(
                                descriptor("s3://" + BUCKET + "/" + BASE + "dt=" + dt + "/hour=" + hour + "/"))));
    }

    private static Partition partition(String dt, String hour) {
        return glue.getPartition(r -> r.databaseName(DATABASE).tableName(TABLE).partitionValues(dt, hour))
                .partition();
    }

    /** A file as the sink writes it: zstd Parquet named after its first offset, symbols interleaved. */
    private static List<Struct> sinkFile(String dt, String hour, long first, Schema schema, int count)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create("parquet", "zstd").open(schema, bytes);
        List<Struct> rows = new ArrayList<>();
        String[] symbols = {"MSFT", "AAPL", "NVDA"};
        for (int i = 0; i < count; i++) {
            long offset = first + i;
            Struct row = new Struct(schema)
                    .put("symbol", symbols[(int) (offset % 3)])
                    .put("event_time", new Date(1_795_000_000_000L - offset * 7 % 1000 + offset * 1000))
                    .put("price", 100 + offset / 100.0);
            if (schema.field("exchange") != null) {
                row.put("exchange", "XNAS");
            }
            writer.write(new SinkRecord("ticks", 0, null, null, schema, row, offset));
            rows.add(row);
        }
        writer.finish();
        store.put(
                BASE + "dt=" + dt + "/hour=" + hour + "/ticks+0+" + String.format("%020d", first) + ".parquet",
                bytes.toByteArray());
        // Its batch landed: the boundary log says so, as the sink's next batch writes it.
        landed = Math.max(landed, first + count);
        store.put(
                "topics/_boundaries/ticks/ticks/0/log",
                ("writer w\nlanded " + landed + "\nuploaded " + landed + "\ncuts\n").getBytes(StandardCharsets.UTF_8));
        return rows;
    }
}
