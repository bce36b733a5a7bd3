package io.stocklake.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The two things a freshness measure needs of each row of a lake object: which Kafka record it is ({@code
 * kafka_partition}, {@code kafka_offset}, written by the sink's {@code kafka.metadata.columns}) and its
 * {@code event_time}. JSON lines are read with Jackson, Parquet with parquet-java's reader, only those three
 * columns; the format is taken from the key's extension, as Athena takes it from the table.
 */
public final class LakeRows {

    static final String PARTITION = "kafka_partition";
    static final String OFFSET = "kafka_offset";
    static final String EVENT_TIME = "event_time";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HIVE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private LakeRows() {}

    /**
     * One row: the record's identity (its Kafka partition in the high bits, its offset in the low 40) and its event
     * time.
     */
    public record Row(long identity, long eventTimeMillis) {

        static Row of(int partition, long offset, long eventTimeMillis) {
            return new Row(((long) partition << 40) | offset, eventTimeMillis);
        }
    }

    /** The rows of the object at {@code key}, in file order. */
    public static List<Row> read(String key, byte[] content) {
        try {
            if (key.endsWith(".parquet")) {
                return parquet(content);
            }
            if (key.endsWith(".json")) {
                return jsonLines(content);
            }
            throw new IllegalArgumentException("Neither JSON lines nor Parquet: " + key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    static List<Row> jsonLines(byte[] content) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            rows.add(Row.of(
                    required(row, PARTITION).asInt(),
                    required(row, OFFSET).asLong(),
                    LocalDateTime.parse(required(row, EVENT_TIME).asText(), HIVE_TIMESTAMP)
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli()));
        }
        return rows;
    }

    private static JsonNode required(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("A row without " + field + " (the sink needs kafka.metadata.columns"
                    + " with partition and offset): " + row);
        }
        return value;
    }

    /** Only the three columns are decoded; {@code event_time} is the sink's INT64 TIMESTAMP(MILLIS). */
    static List<Row> parquet(byte[] content) throws IOException {
        Path file = Files.createTempFile("lake-rows", ".parquet");
        try {
            Files.write(file, content);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<Type> columns = new ArrayList<>();
                for (String name : List.of(PARTITION, OFFSET, EVENT_TIME)) {
                    if (!schema.containsField(name)) {
                        throw new IllegalArgumentException("A Parquet file without " + name + ": " + schema);
                    }
                    columns.add(schema.getType(name));
                }
                MessageType projection = new MessageType(schema.getName(), columns);
                reader.setRequestedSchema(projection);
                List<Row> rows = new ArrayList<>();
                PageReadStore rowGroup;
                while ((rowGroup = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory()
                            .getColumnIO(projection, schema)
                            .getRecordReader(rowGroup, new GroupRecordConverter(projection));
                    for (long i = 0; i < rowGroup.getRowCount(); i++) {
                        Group row = records.read();
                        rows.add(Row.of(
                                row.getInteger(PARTITION, 0), row.getLong(OFFSET, 0), row.getLong(EVENT_TIME, 0)));
                    }
                }
                return rows;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
