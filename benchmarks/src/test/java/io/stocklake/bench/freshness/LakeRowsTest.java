package io.stocklake.bench.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.freshness.LakeRows.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeRowsTest {

    @Test
    void readsEachJsonLinesRecordIdentityAndEventTimeAsUtc() {
        byte[] lines = ("{\"kafka_partition\":0,\"kafka_offset\":41,\"symbol\":\"AAPL\","
                        + "\"event_time\":\"2026-11-24 14:30:00.123\"}\n"
                        + "{\"kafka_partition\":2,\"kafka_offset\":42,\"symbol\":\"MSFT\","
                        + "\"event_time\":\"2026-11-24 14:30:01.000\"}\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(LakeRows.read("topics/t/dt=2026-11-24/hour=14/t+0+00000000000000000041.json", lines))
                .containsExactly(
                        Row.of(0, 41, Instant.parse("2026-11-24T14:30:00.123Z").toEpochMilli()),
                        Row.of(2, 42, Instant.parse("2026-11-24T14:30:01Z").toEpochMilli()));
    }

    @Test
    void readsTheIdentityAndEventTimeColumnsOfAParquetFileAmongOthers(@TempDir Path dir) throws Exception {
        // The sink's layout: metadata columns first, then the value's, event_time as INT64 TIMESTAMP(MILLIS, UTC).
        MessageType schema = MessageTypeParser.parseMessageType("message tick { optional int32 kafka_partition;"
                + " optional int64 kafka_offset; required binary symbol (STRING);"
                + " required int64 event_time (TIMESTAMP(MILLIS,true)); required double price; }");
        Path file = dir.resolve("t+1+00000000000000000007.parquet");
        long at = Instant.parse("2026-11-24T14:30:00.123Z").toEpochMilli();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            SimpleGroupFactory rows = new SimpleGroupFactory(schema);
            for (int i = 0; i < 2; i++) {
                writer.write(rows.newGroup()
                        .append("kafka_partition", 1)
                        .append("kafka_offset", 7L + i)
                        .append("symbol", "AAPL")
                        .append("event_time", at + i)
                        .append("price", 187.5));
            }
        }

        assertThat(LakeRows.read(file.getFileName().toString(), Files.readAllBytes(file)))
                .containsExactly(Row.of(1, 7, at), Row.of(1, 8, at + 1));
    }

    @Test
    void theSameOffsetInAnotherKafkaPartitionIsAnotherRecord() {
        assertThat(Row.of(0, 7, 0).identity()).isNotEqualTo(Row.of(1, 7, 0).identity());
    }

    @Test
    void anEmptyObjectHasNoRows() {
        assertThat(LakeRows.read("a.json", new byte[0])).isEmpty();
    }

    @Test
    void aRowWithoutItsKafkaCoordinatesIsRefusedNamingTheSetting() {
        byte[] line = "{\"event_time\":\"2026-11-24 14:30:00.123\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LakeRows.read("a.json", line))
                .hasMessageContaining("kafka_partition")
                .hasMessageContaining("kafka.metadata.columns");
    }
}
