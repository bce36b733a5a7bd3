package io.stocklake.compaction.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.compaction.TestLake;
import io.stocklake.compaction.config.CompactionConfig;
import io.stocklake.compaction.rewrite.ParquetFiles;
import io.stocklake.compaction.swap.Outcome;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.storage.ObjectChangedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
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
import software.amazon.awssdk.services.glue.model.Column;

/**
 * A compaction pass on the real parts it talks to: S3Proxy (which enforces conditional writes) and the project's
 * Glue endpoint, with files the sink's own Parquet encoder wrote.
 */
class LakeCompactionTest {

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

    private static TestLake lake;

    @BeforeAll
    static void start() throws IOException {
        lake = TestLake.start(List.of(
                Column.builder().name("symbol").type("string").build(),
                Column.builder().name("exchange").type("string").build(),
                Column.builder().name("event_time").type("timestamp").build(),
                Column.builder().name("price").type("double").build()));
    }

    @AfterAll
    static void stop() {
        lake.close();
    }

    @Test
    void aClosedPartitionBecomesFewSortedFilesInTheTablesSchemaAndCodecAndTheOpenOneStays() throws IOException {
        lake.register("2026-11-24", "03");
        lake.register("2026-11-24", "05");
        List<Struct> written = new ArrayList<>();
        for (int file = 0; file < 6; file++) {
            Schema schema = file < 3 ? OLD : NEW;
            written.addAll(sinkFile("2026-11-24", "03", file * 100L, schema, 100));
        }
        sinkFile("2026-11-24", "05", 0, NEW, 100);
        sinkFile("2026-11-24", "05", 100, NEW, 100);

        PassReport report = Compaction.pass(
                        lake.config(Map.of(CompactionConfig.TARGET_FILE_BYTES, "4096")),
                        lake.store(),
                        lake.glue(),
                        "test")
                .run(List.of(TestLake.TABLE));

        assertThat(report.count(Outcome.COMPACTED)).as(report.toString()).isEqualTo(1);
        String location = lake.partition("2026-11-24", "03").storageDescriptor().location();
        assertThat(location)
                .startsWith(
                        "s3://" + TestLake.BUCKET + "/" + TestLake.folder("2026-11-24", "03") + "_compacted/g000001-");
        String folder = location.substring(("s3://" + TestLake.BUCKET + "/").length());
        List<String> outputs = lake.store().list(folder);
        assertThat(outputs).hasSizeBetween(2, 5).allMatch(k -> k.endsWith(".parquet"));
        List<Struct> read = new ArrayList<>();
        Comparator<Struct> order = Comparator.comparing((Struct s) -> s.getString("symbol"))
                .thenComparing(s -> (Date) s.get("event_time"));
        for (String key : outputs) {
            byte[] file = lake.store().get(key);
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
        assertThat(lake.partition("2026-11-24", "05").storageDescriptor().location())
                .isEqualTo("s3://" + TestLake.BUCKET + "/" + TestLake.folder("2026-11-24", "05"));
    }

    @Test
    void ofTwoConditionalWritesOnOneVersionTheServerLetsOnlyOneLand() {
        String key = TestLake.folder("2026-11-24", "09") + "_compacted/state.json";
        String first = lake.store().putIf(key, "{}".getBytes(), null);

        lake.store().putIf(key, "{\"generation\":1}".getBytes(), first);

        assertThatThrownBy(() -> lake.store().putIf(key, "{\"generation\":2}".getBytes(), first))
                .isInstanceOf(ObjectChangedException.class);
        assertThatThrownBy(() -> lake.store().putIf(key, "{}".getBytes(), null))
                .isInstanceOf(ObjectChangedException.class);
    }

    private static String identity(Struct row) {
        return row.getString("symbol") + "@" + ((Date) row.get("event_time")).getTime() + "=" + row.get("price");
    }

    /** A file as the sink writes it: zstd Parquet named after its first offset, symbols interleaved, its batch landed. */
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
        lake.putSinkFile(dt, hour, first, count, bytes.toByteArray());
        return rows;
    }
}
