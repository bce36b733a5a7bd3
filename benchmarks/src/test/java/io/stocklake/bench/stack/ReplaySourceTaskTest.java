package io.stocklake.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTaskTest {

    private static final Schema VALUE = SchemaBuilder.struct()
            .name("tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    @TempDir
    Path dir;

    @Test
    void emitsTheFileSRecordsInTurnUntilMaxRecordsInPollsOfAThousand() throws Exception {
        Path file = dir.resolve("records.tsv");
        Files.write(file, List.of(line("AAPL", 1.5), line("MSFT", 2.5)), StandardCharsets.UTF_8);
        ReplaySourceTask task = new ReplaySourceTask();
        task.start(Map.of("topic", "t", "records.file", file.toString(), "max.records", "2500"));

        List<Integer> pollSizes = new ArrayList<>();
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            pollSizes.add(batch.size());
            all.addAll(batch);
        }

        assertThat(pollSizes).containsExactly(1000, 1000, 500);
        assertThat(all.get(0).key()).isEqualTo("AAPL");
        assertThat(all.get(2499).key()).isEqualTo("MSFT");
        assertThat(((Struct) all.get(2).value()).getFloat64("price")).isEqualTo(1.5);
        assertThat(all.get(1).valueSchema().field("price").schema().type()).isEqualTo(Schema.Type.FLOAT64);
        assertThat(all).allMatch(r -> r.topic().equals("t"));
    }

    @Test
    void readsLinesOfPayloadAloneWithTheSchemaItIsGiven() throws Exception {
        Path file = dir.resolve("records.tsv");
        Files.write(file, List.of(line("AAPL", 1.5, false)), StandardCharsets.UTF_8);
        String schema;
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of(), false);
            schema = converter.asJsonSchema(VALUE).toString();
        }
        ReplaySourceTask task = new ReplaySourceTask();
        task.start(Map.of("topic", "t", "records.file", file.toString(), "max.records", "1", "records.schema", schema));

        SourceRecord record = task.poll().get(0);

        assertThat(record.valueSchema()).isEqualTo(VALUE);
        assertThat(record.value())
                .isEqualTo(new Struct(VALUE).put("symbol", "AAPL").put("price", 1.5));
    }

    private static String line(String symbol, double price) {
        return line(symbol, price, true);
    }

    private static String line(String symbol, double price, boolean embedSchema) {
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", String.valueOf(embedSchema)), false);
            byte[] json = converter.fromConnectData(
                    "t", VALUE, new Struct(VALUE).put("symbol", symbol).put("price", price));
            return symbol + "\t" + new String(json, StandardCharsets.UTF_8);
        }
    }
}
