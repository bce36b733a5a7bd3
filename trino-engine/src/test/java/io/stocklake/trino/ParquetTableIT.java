package io.stocklake.trino;

import static io.stocklake.trino.StorageFormat.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet table (ParquetHiveSerDe) whose file parquet-java wrote with an INT64 TIMESTAMP(MILLIS, UTC) column, the
 * timestamp encoding Athena reads as UTC wall-clock time.
 */
@ExtendWith(LocalLakeExtension.class)
class ParquetTableIT {
    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("symbol")
            .required(PrimitiveTypeName.DOUBLE)
            .named("price")
            .required(PrimitiveTypeName.INT64)
            .named("size")
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS))
            .named("ts")
            .named("tick");

    private static LocalLake lake;

    @BeforeAll
    static void writeTable(LocalLake localLake, @TempDir Path directory) throws IOException {
        lake = localLake;
        lake.createDatabase("parquet_it");
        lake.createTable(
                "parquet_it",
                StorageFormat.PARQUET.table(
                        "ticks",
                        LocalLake.location("parquet/ticks/"),
                        List.of(
                                column("symbol", "string"),
                                column("price", "double"),
                                column("size", "bigint"),
                                column("ts", "timestamp")),
                        List.of(),
                        Map.of("classification", "parquet")));
        Path file = directory.resolve("ticks-0.snappy.parquet");
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            writer.write(tick(rows, "AAPL", 189.75, 100, "2026-11-24T03:00:00.001Z"));
            writer.write(tick(rows, "MSFT", 414.0, 50, "2026-11-24T03:30:00Z"));
            writer.write(tick(rows, "AAPL", 190.0, 25, "2026-11-24T23:59:59.999Z"));
        }
        lake.putObject("parquet/ticks/ticks-0.snappy.parquet", Files.readAllBytes(file));
    }

    private static Group tick(SimpleGroupFactory rows, String symbol, double price, long size, String utc) {
        return rows.newGroup()
                .append("symbol", symbol)
                .append("price", price)
                .append("size", size)
                .append("ts", Instant.parse(utc).toEpochMilli());
    }

    @Test
    void countsEveryRow() {
        assertThat(lake.query("SELECT count(*) FROM parquet_it.ticks").onlyValue())
                .isEqualTo(3L);
    }

    @Test
    void readsUtcTimestampsAsUtcWallClockTimes() {
        QueryResult result = lake.query("SELECT min(ts) AS first, max(ts) AS last FROM parquet_it.ticks");

        assertThat(result.rows())
                .containsExactly(List.of(
                        LocalDateTime.parse("2026-11-24T03:00:00.001"),
                        LocalDateTime.parse("2026-11-24T23:59:59.999")));
    }

    @Test
    void readsEveryColumnWithItsType() {
        QueryResult result = lake.query("SELECT symbol, price, size, ts FROM parquet_it.ticks WHERE symbol = 'MSFT'");

        assertThat(result.rows())
                .containsExactly(List.of("MSFT", 414.0, 50L, LocalDateTime.parse("2026-11-24T03:30:00")));
    }
}
