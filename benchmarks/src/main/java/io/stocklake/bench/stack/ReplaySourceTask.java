package io.stocklake.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits {@code max.records} records, cycling through the lines of {@code records.file} ({@code key<TAB>value},
 * values as Connect's JsonConverter with schemas writes them, or their payload alone when {@code records.schema}
 * gives the schema, as {@code schema.content} does), up to 1,000 a poll like the tick source. Each line
 * is turned back into a schema and a value once, at start, so the task itself costs next to nothing per record.
 */
public class ReplaySourceTask extends SourceTask {

    static final String TOPIC = "topic";
    static final String RECORDS_FILE = "records.file";
    static final String MAX_RECORDS = "max.records";
    static final String RECORDS_SCHEMA = "records.schema";
    static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.")
            .define(RECORDS_FILE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Lines of key<TAB>JSON value.")
            .define(MAX_RECORDS, ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "Records to emit in all.")
            .define(
                    RECORDS_SCHEMA,
                    ConfigDef.Type.STRING,
                    "",
                    ConfigDef.Importance.LOW,
                    "The values' schema in JsonConverter's JSON form when the lines hold the payload alone; empty"
                            + " when each line embeds its schema.");
    private static final int BATCH = 1_000;
    private static final Map<String, String> SOURCE_PARTITION = Map.of("replay", "0");

    private String topic;
    private long maxRecords;
    private List<String> keys;
    private List<SchemaAndValue> values;
    private long emitted;

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CONFIG, props);
        topic = config.getString(TOPIC);
        maxRecords = config.getLong(MAX_RECORDS);
        keys = new ArrayList<>();
        values = new ArrayList<>();
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(converterConfig(config.getString(RECORDS_SCHEMA)), false);
            for (String line : Files.readAllLines(Path.of(config.getString(RECORDS_FILE)), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                keys.add(line.substring(0, tab));
                values.add(
                        converter.toConnectData(topic, line.substring(tab + 1).getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> converterConfig(String schema) {
        return schema.isEmpty()
                ? Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "true")
                : Map.of(
                        JsonConverterConfig.SCHEMAS_ENABLE_CONFIG,
                        "true",
                        JsonConverterConfig.SCHEMA_CONTENT_CONFIG,
                        schema);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (emitted >= maxRecords) {
            Thread.sleep(100);
            return null;
        }
        int count = (int) Math.min(BATCH, maxRecords - emitted);
        List<SourceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++, emitted++) {
            int line = (int) (emitted % keys.size());
            SchemaAndValue value = values.get(line);
            records.add(new SourceRecord(
                    SOURCE_PARTITION,
                    Map.of("position", emitted),
                    topic,
                    0,
                    Schema.STRING_SCHEMA,
                    keys.get(line),
                    value.schema(),
                    value.value()));
        }
        return records;
    }

    @Override
    public void stop() {}

    @Override
    public String version() {
        return "bench";
    }
}
